#include "extract/candidate.h"

namespace newsgraph {

bool ParseLabel(absl::string_view name, Label* label) {
  if (name == "PERSON") {
    *label = Label::kPerson;
  } else if (name == "AGENCY") {
    *label = Label::kAgency;
  } else if (name == "PLACE") {
    *label = Label::kPlace;
  } else if (name == "DEMONYM") {
    *label = Label::kDemonym;
  } else if (name == "VETO") {
    *label = Label::kVeto;
  } else if (name == "GIVEN_NAME") {
    *label = Label::kGivenName;
  } else {
    return false;
  }
  return true;
}

absl::string_view LabelName(Label label) {
  switch (label) {
    case Label::kPerson:
      return "PERSON";
    case Label::kAgency:
      return "AGENCY";
    case Label::kPlace:
      return "PLACE";
    case Label::kDemonym:
      return "DEMONYM";
    case Label::kVeto:
      return "VETO";
    case Label::kGivenName:
      return "GIVEN_NAME";
  }
  return "?";
}

EntityType ToEntityType(Label label) {
  switch (label) {
    case Label::kPerson:
      return PERSON;
    case Label::kAgency:
      return AGENCY;
    case Label::kPlace:
      return PLACE;
    default:
      return ENTITY_TYPE_UNSPECIFIED;
  }
}

}  // namespace newsgraph

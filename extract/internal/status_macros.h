// Small helpers for absl::Status plumbing. The Debian Abseil (20220623) has no
// status macros of its own, so the project keeps this one header.
//
//   RETURN_IF_ERROR(DoThing());
//   ASSIGN_OR_RETURN(auto value, ComputeValue());
#ifndef NEWSGRAPH_EXTRACT_INTERNAL_STATUS_MACROS_H_
#define NEWSGRAPH_EXTRACT_INTERNAL_STATUS_MACROS_H_

#include "absl/status/status.h"
#include "absl/status/statusor.h"

#define NG_CONCAT_INNER_(a, b) a##b
#define NG_CONCAT_(a, b) NG_CONCAT_INNER_(a, b)

#define RETURN_IF_ERROR(expr)                          \
  do {                                                 \
    const absl::Status ng_status_ = (expr);            \
    if (!ng_status_.ok()) return ng_status_;           \
  } while (false)

#define ASSIGN_OR_RETURN(lhs, expr) \
  NG_ASSIGN_OR_RETURN_IMPL_(NG_CONCAT_(ng_statusor_, __LINE__), lhs, expr)

#define NG_ASSIGN_OR_RETURN_IMPL_(statusor, lhs, expr) \
  auto statusor = (expr);                              \
  if (!statusor.ok()) return statusor.status();        \
  lhs = std::move(statusor).value()

#endif  // NEWSGRAPH_EXTRACT_INTERNAL_STATUS_MACROS_H_

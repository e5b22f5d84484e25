"""fuzz_regression_test: a fuzz target run as a cc_test over its corpus."""

def fuzz_regression_test(name, deps, data = [], extra_inputs = []):
    """Defines <name>_regression_test from fuzz/<name>.cc.

    The test feeds fuzz/corpus/<name>/, fuzz/regressions/<name>/ and
    `extra_inputs` (paths in the runfiles) to LLVMFuzzerTestOneInput.
    """
    native.cc_test(
        name = name + "_regression_test",
        srcs = [name + ".cc", "regression_main.cc"],
        args = ["--target=" + name] + extra_inputs,
        data = native.glob([
            "corpus/" + name + "/**",
            "regressions/" + name + "/**",
        ]) + data,
        deps = deps + [
            ":fuzz_util",
            "@system//:absl",
            "@system//:gtest",
        ],
    )

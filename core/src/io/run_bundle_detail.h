#pragma once
// What the run bundle's writer and reader agree on beyond the file names.
namespace mlpw::detail {

constexpr int kBundleFormat = 1;                      // run.json's "format"; a reader refuses a newer one
constexpr const char* kValidationSet = "validation";  // misclassified.csv's "set"
constexpr const char* kTestSet = "test";

}  // namespace mlpw::detail

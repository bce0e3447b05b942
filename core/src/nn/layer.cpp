// The out-of-line part of layer.h: the error of a primitive that failed to execute, with oneDNN's status.
#include "nn/layer.h"

#include "mlpw/errors.h"

namespace mlpw::detail {
namespace {

// The names of dnnl_status_t (oneDNN 2.6, dnnl_types.h).
const char* status_name(dnnl_status_t status) {
    switch (status) {
        case dnnl_success: return "success";
        case dnnl_out_of_memory: return "out of memory";
        case dnnl_invalid_arguments: return "invalid arguments";
        case dnnl_unimplemented: return "unimplemented";
        case dnnl_iterator_ends: return "iterator ends";
        case dnnl_runtime_error: return "runtime error";
        case dnnl_not_required: return "not required";
    }
    return "unknown status";
}

}  // namespace

void BoundPrimitive::throw_execute_error(dnnl_status_t status) {
    throw Error("could not execute a primitive: oneDNN status " + std::to_string(static_cast<int>(status)) + " (" +
                status_name(status) + ")");
}

}  // namespace mlpw::detail

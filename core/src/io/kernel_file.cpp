// See kernel_file.h.
#include "io/kernel_file.h"

#include <bit>
#include <cstdint>
#include <cstring>

#include "mlpw/errors.h"

namespace mlpw::detail {
namespace {

static_assert(std::endian::native == std::endian::little, "first_layer.bin is written in the machine's byte order");
constexpr char kMagic[] = "MLPWFLK1";
constexpr size_t kMagicSize = sizeof(kMagic) - 1;

template <typename T>
void put(std::string& bytes, T value) {
    bytes.append(reinterpret_cast<const char*>(&value), sizeof value);
}

// Reads sequentially; every read past the end throws naming the file.
class Reader {
public:
    Reader(const std::string& bytes, const std::string& path) : m_bytes(bytes), m_path(path) {}
    const char* take(size_t size, const char* what) {
        if (m_bytes.size() - m_at < size)
            throw Error(m_path + ": cut short in " + what + " (at byte " + std::to_string(m_at) + ")");
        const char* p = m_bytes.data() + m_at;
        m_at += size;
        return p;
    }
    template <typename T>
    T get(const char* what) {
        T value;
        std::memcpy(&value, take(sizeof value, what), sizeof value);
        return value;
    }
    bool done() const { return m_at == m_bytes.size(); }

private:
    const std::string& m_bytes;
    const std::string& m_path;
    size_t m_at = 0;
};

}  // namespace

std::string encode_kernels(const std::vector<KernelSnapshot>& kernels) {
    const KernelSnapshot& first = kernels.front();
    std::string bytes(kMagic, kMagicSize);
    put(bytes, static_cast<uint32_t>(kernels.size()));
    put(bytes, static_cast<uint32_t>(first.tensor.size()));
    bytes += first.tensor;
    put(bytes, static_cast<uint32_t>(first.units));
    put(bytes, static_cast<uint32_t>(first.inputs));
    bytes.reserve(bytes.size() + kernels.size() * (sizeof(float) + first.values->size()));
    for (const KernelSnapshot& k : kernels) {
        put(bytes, k.scale);
        bytes.append(reinterpret_cast<const char*>(k.values->data()), k.values->size());
    }
    return bytes;
}

std::vector<KernelSnapshot> decode_kernels(const std::string& bytes, const std::string& path, size_t epochs) {
    Reader in(bytes, path);
    if (std::memcmp(in.take(kMagicSize, "the header"), kMagic, kMagicSize) != 0)
        throw Error(path + ": not a first-layer kernel file (expected it to start with " + kMagic + ")");
    const auto count = in.get<uint32_t>("the header");
    if (count != epochs)
        throw Error(path + ": holds " + std::to_string(count) + " epochs, expected " + std::to_string(epochs) +
                    " (the epochs in model.mlpw's history)");
    const auto name_size = in.get<uint32_t>("the header");
    const std::string name(in.take(name_size, "the tensor name"), name_size);
    const auto units = in.get<uint32_t>("the header"), inputs = in.get<uint32_t>("the header");
    const uint64_t elements = uint64_t(units) * inputs;
    if (elements == 0 || elements > bytes.size())
        throw Error(path + ": kernel shape {" + std::to_string(units) + ", " + std::to_string(inputs) +
                    "} does not fit the file");
    std::vector<KernelSnapshot> kernels(epochs);
    for (size_t e = 0; e < epochs; ++e) {
        const std::string epoch = "epoch " + std::to_string(e);
        KernelSnapshot& k = kernels[e];
        k.tensor = name;
        k.units = static_cast<int>(units);
        k.inputs = static_cast<int>(inputs);
        k.scale = in.get<float>(epoch.c_str());
        const auto* values = reinterpret_cast<const int8_t*>(in.take(elements, epoch.c_str()));
        k.values = std::make_shared<const std::vector<int8_t>>(values, values + elements);
    }
    if (!in.done()) throw Error(path + ": unexpected bytes after the last epoch");
    return kernels;
}

}  // namespace mlpw::detail

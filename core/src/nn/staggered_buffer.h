#pragma once
// A float buffer that starts at a chosen offset within a 4 KiB page (private to mlpw_core).
//
// The optimiser streams through weights, gradients and its slots together. Large allocations are page
// aligned, so all those streams start at the same page offset, and the CPU's 4 KiB load/store alias check
// stalls the loop: measured, q4 epochs 25 % slower (1.5 s vs 1.2 s with one thread) depending on where malloc
// happened to put the buffers. Each stream therefore gets its own offset.
#include <cstddef>
#include <cstdlib>
#include <memory>
#include <new>

namespace mlpw::detail {

class StaggeredBuffer {
public:
    StaggeredBuffer() = default;
    // n floats set to `value`, starting `stream` * 1088 bytes (mod 4 KiB, 64-byte aligned) into a page.
    StaggeredBuffer(size_t n, int stream, float value = 0.0f) : m_size(n) {
        constexpr size_t kPage = 4096;
        const size_t offset = (static_cast<size_t>(stream) * 1088) % kPage;
        const size_t bytes = (offset + n * sizeof(float) + kPage - 1) / kPage * kPage;
        m_block.reset(static_cast<char*>(std::aligned_alloc(kPage, bytes)));
        if (!m_block) throw std::bad_alloc();
        m_data = reinterpret_cast<float*>(m_block.get() + offset);
        for (size_t i = 0; i < n; ++i) m_data[i] = value;
    }
    float* data() { return m_data; }
    const float* data() const { return m_data; }
    size_t size() const { return m_size; }

private:
    struct Free {
        void operator()(char* p) const { std::free(p); }
    };
    std::unique_ptr<char, Free> m_block;
    float* m_data = nullptr;
    size_t m_size = 0;
};

// The streams of one parameter tensor: its value, its gradient, then the optimiser's slots.
constexpr int kValueStream = 0;
constexpr int kGradientStream = 1;
constexpr int kFirstSlotStream = 2;

}  // namespace mlpw::detail

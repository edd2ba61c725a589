#pragma once

#include <utility>
#include <variant>

namespace mandate {

// std::expected is C++23; this is the subset Mandate needs until the toolchain moves on.
template <typename E>
struct Unexpected
{
    E error;
};

template <typename E>
Unexpected<std::decay_t<E>> unexpected(E &&error)
{
    return {std::forward<E>(error)};
}

template <typename T, typename E>
class Expected
{
public:
    Expected(T value)
        : m_value(std::in_place_index<0>, std::move(value))
    {}
    template <typename G>
    Expected(Unexpected<G> error)
        : m_value(std::in_place_index<1>, E(std::move(error.error)))
    {}

    bool hasValue() const { return m_value.index() == 0; }
    explicit operator bool() const { return hasValue(); }

    T &value() & { return std::get<0>(m_value); }
    const T &value() const & { return std::get<0>(m_value); }
    T &&value() && { return std::get<0>(std::move(m_value)); }
    const E &error() const { return std::get<1>(m_value); }

    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

private:
    std::variant<T, E> m_value;
};

} // namespace mandate

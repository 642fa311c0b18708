// Small text helpers shared across stages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace jbr {

std::string AsciiLower(std::string_view text);
std::vector<std::string_view> Split(std::string_view text, std::string_view separators);
bool IsTerminal(int fd);

}  // namespace jbr

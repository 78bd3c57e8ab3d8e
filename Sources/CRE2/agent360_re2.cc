#include "agent360_re2.h"

#include <re2/re2.h>

#include <cstring>
#include <new>
#include <string>
#include <vector>

struct agent360_re2 {
    RE2 re;
    std::vector<std::string> names;
    std::vector<bool> named;

    agent360_re2(const re2::StringPiece &pattern, const RE2::Options &options) : re(pattern, options) {}
};

agent360_re2 *agent360_re2_compile(const char *pattern, size_t length, int *error_code,
                                   char *error_arg, size_t error_arg_capacity) {
    RE2::Options options;
    options.set_log_errors(false);
    options.set_encoding(RE2::Options::EncodingUTF8);
    // Go's limits are far higher than RE2's 8 MiB default program size.
    options.set_max_mem(64 << 20);
    agent360_re2 *re = new (std::nothrow) agent360_re2(re2::StringPiece(pattern, length), options);
    if (re == nullptr) {
        *error_code = RE2::ErrorPatternTooLarge;
        if (error_arg_capacity > 0) error_arg[0] = 0;
        return nullptr;
    }
    if (!re->re.ok()) {
        *error_code = re->re.error_code();
        const std::string &arg = re->re.error_arg();
        if (error_arg_capacity > 0) {
            size_t n = arg.size() < error_arg_capacity - 1 ? arg.size() : error_arg_capacity - 1;
            std::memcpy(error_arg, arg.data(), n);
            error_arg[n] = 0;
        }
        delete re;
        return nullptr;
    }
    int groups = re->re.NumberOfCapturingGroups();
    re->names.assign(groups + 1, std::string());
    re->named.assign(groups + 1, false);
    for (const auto &entry : re->re.NamedCapturingGroups()) {
        if (entry.second >= 0 && entry.second <= groups) {
            re->names[entry.second] = entry.first;
            re->named[entry.second] = true;
        }
    }
    *error_code = 0;
    return re;
}

void agent360_re2_free(agent360_re2 *re) { delete re; }

int agent360_re2_full_match(const agent360_re2 *re, const char *text, size_t length) {
    return RE2::FullMatch(re2::StringPiece(text, length), re->re) ? 1 : 0;
}

int agent360_re2_group_count(const agent360_re2 *re) { return re->re.NumberOfCapturingGroups(); }

const char *agent360_re2_group_name(const agent360_re2 *re, int index) {
    if (index < 0 || index >= (int)re->names.size() || !re->named[index]) return nullptr;
    return re->names[index].c_str();
}

int agent360_re2_full_match_groups(const agent360_re2 *re, const char *text, size_t length,
                                   long *starts, long *lengths, int count) {
    if (count <= 0) return agent360_re2_full_match(re, text, length);
    std::vector<re2::StringPiece> groups(count);
    re2::StringPiece input(text, length);
    if (!re->re.Match(input, 0, length, RE2::ANCHOR_BOTH, groups.data(), count)) return 0;
    for (int i = 0; i < count; i++) {
        if (groups[i].data() == nullptr) {
            starts[i] = -1;
            lengths[i] = 0;
        } else {
            starts[i] = (long)(groups[i].data() - text);
            lengths[i] = (long)groups[i].size();
        }
    }
    return 1;
}

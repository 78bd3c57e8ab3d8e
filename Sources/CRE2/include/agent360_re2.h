// A C face for Debian's RE2 (C++), so Swift can match label regexes in
// linear time with the syntax Go's regexp (and so Prometheus) inherited.
#ifndef AGENT360_RE2_H
#define AGENT360_RE2_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct agent360_re2 agent360_re2;

/// Compiles `pattern` (UTF-8). NULL on failure, with RE2's error code in
/// `*error_code` and the offending fragment copied (NUL-terminated,
/// truncated) into `error_arg`.
agent360_re2 *agent360_re2_compile(const char *pattern, size_t length, int *error_code,
                                   char *error_arg, size_t error_arg_capacity);
void agent360_re2_free(agent360_re2 *re);

/// 1 when the whole of `text` matches.
int agent360_re2_full_match(const agent360_re2 *re, const char *text, size_t length);

/// Capturing groups (not counting the whole match).
int agent360_re2_group_count(const agent360_re2 *re);

/// The name of group `index` (1-based), or NULL when unnamed.
const char *agent360_re2_group_name(const agent360_re2 *re, int index);

/// Matches the whole of `text`; on success fills `starts`/`lengths` for
/// the whole match and each group (`count` entries, start −1 when a group
/// took no part) and returns 1.
int agent360_re2_full_match_groups(const agent360_re2 *re, const char *text, size_t length,
                                   long *starts, long *lengths, int count);

#ifdef __cplusplus
}
#endif

#endif

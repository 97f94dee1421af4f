// glob: match a path against a config glob ('*', '**', '?').
//
// Paths and patterns use '/' and are relative to the directory of the config
// file that holds the pattern:
//
//   "docs/*.md"       docs/a.md            yes    docs/x/a.md      no
//   "docs/**"         docs/x/y/a.md        yes    docs             no
//   "docs/**/a.md"    docs/a.md, docs/x/a.md
//   "?.md"            a.md                 yes    ab.md            no
//   "CHANGELOG.md"    CHANGELOG.md, x/CHANGELOG.md (no '/': any depth, like .gitignore)
//
// '*' and '?' never match '/'; '**' as a whole segment matches zero or more
// segments. A pattern naming a folder ("drafts", "drafts/", "docs/old") also
// matches everything below it. (Line comments: a block comment cannot hold
// the globs.)
#ifndef AIPM_GLOB_H
#define AIPM_GLOB_H

#include <stdbool.h>

/** Return true when the relative path 'path' matches 'pattern' (see above). */
bool aipm_glob_match(const char *pattern, const char *path);

#endif

/*
 * report/text: the compiler convention every editor and CI parses:
 *
 *     docs/vision.md:3:12: warning: Vague phrase "..." [vision.vague]
 *        3 | We want to make customer service better for companies.
 *          |            ^~~~~~~~~~~~~~~~~~~~~~~~~~~~
 *     1 error, 3 warnings in 4 files
 *
 * The source excerpt and colours appear when main.c asks for them (a
 * terminal, or --show-source / --color=always). Tabs in the excerpt print
 * as one space each, so the caret lines up with code-point columns.
 */
#include "report/report.h"

#include <string.h>

#include "utf8.h"

#define C_RESET "\033[0m"
#define C_BOLD "\033[1m"
#define C_RED "\033[1;31m"
#define C_YELLOW "\033[1;33m"
#define C_CYAN "\033[1;36m"
#define C_DIM "\033[2m"
#define C_GREEN "\033[32m"

static const char *sev_color(aipm_severity s) {
    return s == AIPM_SEV_ERROR ? C_RED : s == AIPM_SEV_WARNING ? C_YELLOW : C_CYAN;
}

/* Where the last line search ended: diagnostics come sorted by line, so the
 * next search resumes here and a file costs one pass, not one per finding. */
typedef struct line_cursor {
    uint32_t line; /* 1-based line starting at 'pos' */
    size_t pos;
    size_t n;      /* length of that line */
    uint32_t ccol; /* on that line, column 'ccol' starts at byte 'cpos' (after a BOM) */
    size_t cpos;
} line_cursor;

/* A line longer than EXCERPT_WIDTH code points is shown as a window of that
 * many, starting EXCERPT_BEFORE before the column, so a 5 MB line with many
 * findings prints a few hundred bytes per finding, not the line each time. */
#define EXCERPT_WIDTH 120
#define EXCERPT_BEFORE 40

/* Find line 'line' (1-based) of 'src'; store its start and length (without EOL). */
static bool find_line(const char *src, size_t len, uint32_t line, line_cursor *lc, size_t *start,
                      size_t *n) {
    size_t i = 0;
    uint32_t cur = 1;
    if (lc->line >= 1 && lc->line == line) {
        *start = lc->pos;
        *n = lc->n;
        return true;
    }
    if (lc->line >= 1 && lc->line <= line) {
        i = lc->pos;
        cur = lc->line;
    }
    while (cur < line && i < len) {
        if (src[i] == '\r') {
            i += (i + 1 < len && src[i + 1] == '\n') ? 2 : 1;
            cur++;
        } else if (src[i] == '\n') {
            i++;
            cur++;
        } else {
            i++;
        }
    }
    if (cur != line) {
        return false;
    }
    if (lc->line != cur) {
        lc->ccol = 1;
        lc->cpos = 0;
    }
    lc->line = cur;
    lc->pos = i;
    size_t e = i;
    while (e < len && src[e] != '\n' && src[e] != '\r') {
        e++;
    }
    *start = i;
    *n = lc->n = e - i;
    return true;
}

/* Return the byte offset of column 'col' in the 'n' bytes at 's', walking on
 * from the cursor (findings on a line come sorted by column). */
static size_t col_offset(const char *s, size_t n, line_cursor *lc, uint32_t col) {
    if (lc->ccol > col) {
        lc->ccol = 1;
        lc->cpos = 0;
    }
    while (lc->ccol < col && lc->cpos < n) {
        size_t adv;
        aipm_utf8_decode(s + lc->cpos, n - lc->cpos, &adv);
        lc->cpos += adv;
        lc->ccol++;
    }
    return lc->cpos;
}

static void write_excerpt(aipm_buf *b, const aipm_file_result *f, const aipm_diag *d, bool color,
                          line_cursor *lc) {
    size_t start, n;
    if (!f->src || !find_line(f->src, f->src_len, d->line, lc, &start, &n)) {
        return;
    }
    const char *s = f->src + start;
    if (d->line == 1 && n >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
        s += 3;
        n -= 3;
    }
    /* the window [first, first + line_cols) of columns shown */
    uint32_t first = 1, line_cols = (uint32_t)aipm_utf8_count(s, n < 4 * EXCERPT_WIDTH ? n : 0);
    bool cut_left = false, cut_right = false;
    if (n >= 4 * EXCERPT_WIDTH || line_cols > EXCERPT_WIDTH) {
        first = d->col > EXCERPT_BEFORE ? d->col - EXCERPT_BEFORE : 1;
        size_t from = col_offset(s, n, lc, first), to = from;
        for (line_cols = 0; line_cols < EXCERPT_WIDTH && to < n; line_cols++) {
            size_t adv;
            aipm_utf8_decode(s + to, n - to, &adv);
            to += adv;
        }
        cut_left = from > 0;
        cut_right = to < n;
        s += from;
        n = to - from;
    }
    int width = snprintf(NULL, 0, "%u", d->line);
    aipm_buf_printf(b, " %s%u |%s %s", color ? C_DIM : "", d->line, color ? C_RESET : "",
                    cut_left ? "..." : "");
    for (size_t i = 0; i < n; i++) {
        aipm_buf_putc(b, s[i] == '\t' ? ' ' : s[i]);
    }
    aipm_buf_printf(b, "%s\n %*s %s|%s %s", cut_right ? "..." : "", width, "", color ? C_DIM : "",
                    color ? C_RESET : "", cut_left ? "   " : "");
    uint32_t end = d->end_line == d->line ? d->end_col : first + line_cols;
    if (end > first + line_cols) {
        end = first + line_cols;
    }
    if (end <= d->col) {
        end = d->col + 1;
    }
    for (uint32_t c = first; c < d->col; c++) {
        aipm_buf_putc(b, ' ');
    }
    aipm_buf_puts(b, color ? sev_color(d->severity) : "");
    aipm_buf_putc(b, '^');
    for (uint32_t c = d->col + 1; c < end; c++) {
        aipm_buf_putc(b, '~');
    }
    aipm_buf_puts(b, color ? C_RESET : "");
    aipm_buf_putc(b, '\n');
}

static void plural(aipm_buf *b, size_t n, const char *one, const char *many) {
    aipm_buf_printf(b, "%zu %s", n, n == 1 ? one : many);
}

static void write_text(FILE *out, const aipm_file_result *files, size_t n,
                       const aipm_report_opts *opts) {
    aipm_buf b = AIPM_BUF_INIT;
    size_t linted = 0;
    bool color = opts->color;
    for (size_t i = 0; i < n; i++) {
        const aipm_file_result *f = &files[i];
        if (!f->ok) {
            continue;
        }
        linted++;
        line_cursor lc = {0, 0, 0, 0, 0};
        for (size_t k = 0; k < f->diags.n; k++) {
            const aipm_diag *d = &f->diags.items[k];
            if (color) {
                aipm_buf_printf(&b,
                                C_BOLD "%s:%u:%u:" C_RESET " %s%s:" C_RESET " %s " C_DIM
                                       "[%s]" C_RESET "\n",
                                f->path, d->line, d->col, sev_color(d->severity),
                                aipm_severity_name(d->severity), d->message, d->rule);
            } else {
                aipm_buf_printf(&b, "%s:%u:%u: %s: %s [%s]\n", f->path, d->line, d->col,
                                aipm_severity_name(d->severity), d->message, d->rule);
            }
            if (opts->show_source) {
                write_excerpt(&b, f, d, color, &lc);
            }
            if (d->suggestion && opts->show_source) {
                aipm_buf_printf(&b, "  %shelp:%s replace with '%s'\n", color ? C_GREEN : "",
                                color ? C_RESET : "", d->suggestion);
            }
        }
        fwrite(b.ptr, 1, b.len, out);
        aipm_buf_clear(&b);
    }
    if (!opts->quiet && linted > 0) {
        size_t e = aipm_report_count(files, n, AIPM_SEV_ERROR);
        size_t w = aipm_report_count(files, n, AIPM_SEV_WARNING);
        size_t in = aipm_report_count(files, n, AIPM_SEV_INFO);
        if (e + w + in == 0) {
            aipm_buf_puts(&b, "no problems in ");
        } else {
            plural(&b, e, "error", "errors");
            aipm_buf_puts(&b, ", ");
            plural(&b, w, "warning", "warnings");
            if (in) {
                aipm_buf_puts(&b, ", ");
                plural(&b, in, "info", "infos");
            }
            aipm_buf_puts(&b, " in ");
        }
        plural(&b, linted, "file", "files");
        aipm_buf_putc(&b, '\n');
        fwrite(b.ptr, 1, b.len, out);
    }
    aipm_buf_release(&b);
}

const aipm_reporter aipm_report_text = {"text", "compiler-style lines (the default)", write_text,
                                        false};

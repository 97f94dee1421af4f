/*
 * report/junit: JUnit XML, the test-report format every CI shows:
 *
 *   <testsuites name="aipm-lint" tests="3" failures="1" errors="0">
 *     <testsuite name="docs/a.md" tests="1" failures="1" errors="0">
 *       <testcase classname="docs/a.md" name="vision.vague at 3:12" file="docs/a.md" line="3">
 *         <failure type="vision.vague" message="...">docs/a.md:3:12: warning: ...
 * [vision.vague]</failure>
 *       </testcase>
 *     </testsuite>
 *     <testsuite name="docs/b.md" tests="1" failures="0" errors="0">
 *       <testcase classname="docs/b.md" name="aipm-lint" file="docs/b.md"/>
 *     </testsuite>
 *   </testsuites>
 *
 * One testsuite per file; one failing testcase per finding at or above
 * the file's fail-on level (opts->file_fail_on, else opts->fail_on), so the
 * report fails exactly when the exit status does; a file with none gets one passing testcase. A
 * file that could not be read gets a testcase with an <error>.
 */
#include "report/report.h"

#include "xml.h"

/* The fail-on level of file 'i': its config's, else --fail-on. */
static int level(const aipm_report_opts *opts, size_t i) {
    return opts->file_fail_on ? opts->file_fail_on[i] : opts->fail_on;
}

static void write_suite(aipm_buf *b, const aipm_file_result *f, int fail_on) {
    size_t failing = 0;
    for (size_t k = 0; f->ok && k < f->diags.n; k++) {
        failing += (int)f->diags.items[k].severity >= fail_on;
    }
    aipm_buf_puts(b, "  <testsuite name=\"");
    aipm_xml_str(b, f->path);
    aipm_buf_printf(b, "\" tests=\"%zu\" failures=\"%zu\" errors=\"%d\">\n", failing ? failing : 1,
                    failing, !f->ok);
    if (!f->ok) {
        aipm_buf_puts(b, "    <testcase classname=\"");
        aipm_xml_str(b, f->path);
        aipm_buf_puts(b, "\" name=\"aipm-lint\" file=\"");
        aipm_xml_str(b, f->path);
        aipm_buf_puts(b, "\">\n      <error message=\"");
        aipm_xml_str(b, f->error.msg);
        aipm_buf_puts(b, "\"/>\n    </testcase>\n");
    } else if (!failing) {
        aipm_buf_puts(b, "    <testcase classname=\"");
        aipm_xml_str(b, f->path);
        aipm_buf_puts(b, "\" name=\"aipm-lint\" file=\"");
        aipm_xml_str(b, f->path);
        aipm_buf_puts(b, "\"/>\n");
    }
    for (size_t k = 0; f->ok && k < f->diags.n; k++) {
        const aipm_diag *d = &f->diags.items[k];
        if ((int)d->severity < fail_on) {
            continue;
        }
        aipm_buf_puts(b, "    <testcase classname=\"");
        aipm_xml_str(b, f->path);
        aipm_buf_puts(b, "\" name=\"");
        aipm_xml_str(b, d->rule);
        aipm_buf_printf(b, " at %u:%u\" file=\"", d->line, d->col);
        aipm_xml_str(b, f->path);
        aipm_buf_printf(b, "\" line=\"%u\">\n      <failure type=\"", d->line);
        aipm_xml_str(b, d->rule);
        aipm_buf_puts(b, "\" message=\"");
        aipm_xml_str(b, d->message);
        aipm_buf_puts(b, "\">");
        aipm_xml_str(b, f->path);
        aipm_buf_printf(b, ":%u:%u: %s: ", d->line, d->col, aipm_severity_name(d->severity));
        aipm_xml_str(b, d->message);
        aipm_buf_puts(b, " [");
        aipm_xml_str(b, d->rule);
        aipm_buf_puts(b, "]</failure>\n    </testcase>\n");
    }
    aipm_buf_puts(b, "  </testsuite>\n");
}

static void write_junit(FILE *out, const aipm_file_result *files, size_t n,
                        const aipm_report_opts *opts) {
    aipm_buf b = AIPM_BUF_INIT;
    size_t tests = 0, failures = 0, errors = 0;
    for (size_t i = 0; i < n; i++) {
        size_t failing = 0;
        for (size_t k = 0; files[i].ok && k < files[i].diags.n; k++) {
            failing += (int)files[i].diags.items[k].severity >= level(opts, i);
        }
        tests += failing ? failing : 1;
        failures += failing;
        errors += !files[i].ok;
    }
    aipm_buf_printf(&b,
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                    "<testsuites name=\"aipm-lint\" tests=\"%zu\" failures=\"%zu\" "
                    "errors=\"%zu\">\n",
                    tests, failures, errors);
    for (size_t i = 0; i < n; i++) {
        write_suite(&b, &files[i], level(opts, i));
        fwrite(b.ptr, 1, b.len, out);
        aipm_buf_clear(&b);
    }
    aipm_buf_puts(&b, "</testsuites>\n");
    fwrite(b.ptr, 1, b.len, out);
    aipm_buf_release(&b);
}

const aipm_reporter aipm_report_junit = {"junit", "JUnit XML: a testsuite per file", write_junit,
                                         false};

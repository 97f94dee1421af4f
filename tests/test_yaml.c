/*
 * test_yaml: the YAML tree, its marks, its refusals and the strict readers.
 */
#include "test.h"

#include "buf.h"
#include "builtin.h"
#include "error.h"
#include "yaml.h"

#define P "f.yaml"

static aipm_yaml_node *parse(const char *s, aipm_error *err) {
    return aipm_yaml_parse(P, s, strlen(s), 0, err);
}

/* Parse 's', which must fail, and return the formatted error. */
static char *parse_error(const char *s, unsigned line_offset) {
    aipm_error err = AIPM_ERROR_INIT;
    aipm_yaml_node *n = aipm_yaml_parse(P, s, strlen(s), line_offset, &err);
    assert_null(n);
    assert_true(err.set);
    aipm_buf b = AIPM_BUF_INIT;
    aipm_error_format(&err, &b);
    aipm_error_release(&err);
    return aipm_buf_detach(&b);
}

#define EXPECT_PARSE_ERROR(src, off, want)                                                         \
    do {                                                                                           \
        char *got_ = parse_error(src, off);                                                        \
        assert_string_equal(got_, want);                                                           \
        free(got_);                                                                                \
    } while (0)

static char *format(aipm_error *err) {
    aipm_buf b = AIPM_BUF_INIT;
    aipm_error_format(err, &b);
    aipm_error_release(err);
    return aipm_buf_detach(&b);
}

#define EXPECT_ERR(err, want)                                                                      \
    do {                                                                                           \
        char *got_ = format(&(err));                                                               \
        assert_string_equal(got_, want);                                                           \
        free(got_);                                                                                \
    } while (0)

static void test_yaml_scalar(void **state) {
    (void)state;
    aipm_error err = AIPM_ERROR_INIT;
    aipm_yaml_node *n = parse("  hello world\n", &err);
    assert_non_null(n);
    assert_int_equal(n->type, AIPM_YAML_SCALAR);
    assert_string_equal(n->value, "hello world");
    assert_int_equal(n->len, 11);
    assert_true(n->plain);
    assert_int_equal(n->line, 1);
    assert_int_equal(n->col, 3);
    assert_string_equal(aipm_yaml_type_name(n), "a string");
    aipm_yaml_free(n);
    n = parse("'quoted'\n", &err);
    assert_non_null(n);
    assert_false(n->plain);
    assert_string_equal(n->value, "quoted");
    aipm_yaml_free(n);
}

static void test_yaml_map_and_seq_marks(void **state) {
    (void)state;
    aipm_error err = AIPM_ERROR_INIT;
    const char *src = "name: x\n"
                      "list:\n"
                      "  - a\n"
                      "  -   \"b\"\n"
                      "nested: {k: v, et: w}\n";
    aipm_yaml_node *root = parse(src, &err);
    assert_non_null(root);
    assert_false(err.set);
    assert_int_equal(root->type, AIPM_YAML_MAP);
    assert_string_equal(aipm_yaml_type_name(root), "a mapping");
    assert_int_equal(root->line, 1);
    assert_int_equal(root->col, 1);
    assert_int_equal(root->n, 3);
    assert_string_equal(root->keys[0]->value, "name");
    assert_int_equal(root->keys[1]->line, 2);
    assert_int_equal(root->keys[1]->col, 1);
    const aipm_yaml_node *name = aipm_yaml_get(root, "name");
    assert_non_null(name);
    assert_string_equal(name->value, "x");
    assert_int_equal(name->line, 1);
    assert_int_equal(name->col, 7);
    const aipm_yaml_node *list = aipm_yaml_get(root, "list");
    assert_non_null(list);
    assert_int_equal(list->type, AIPM_YAML_SEQ);
    assert_string_equal(aipm_yaml_type_name(list), "a list");
    assert_int_equal(list->line, 3);
    assert_int_equal(list->col, 3);
    assert_int_equal(list->n, 2);
    assert_string_equal(list->items[0]->value, "a");
    assert_int_equal(list->items[0]->line, 3);
    assert_int_equal(list->items[0]->col, 5);
    assert_string_equal(list->items[1]->value, "b");
    assert_false(list->items[1]->plain);
    assert_int_equal(list->items[1]->line, 4);
    assert_int_equal(list->items[1]->col, 7);
    const aipm_yaml_node *nested = aipm_yaml_get(root, "nested");
    assert_non_null(nested);
    assert_int_equal(nested->type, AIPM_YAML_MAP);
    assert_int_equal(nested->line, 5);
    assert_int_equal(nested->col, 9);
    const aipm_yaml_node *w = aipm_yaml_get(nested, "et");
    assert_non_null(w);
    assert_int_equal(nested->keys[1]->col, 16);
    assert_int_equal(w->col, 20);
    assert_null(aipm_yaml_get(root, "missing"));
    assert_null(aipm_yaml_get(NULL, "name"));
    assert_null(aipm_yaml_get(list, "a"));
    aipm_yaml_free(root);
}

static void test_yaml_marks_count_code_points(void **state) {
    (void)state;
    /* libyaml counts marks in characters: a multi-byte character before a
     * node must not shift its column or line. */
    aipm_error err = AIPM_ERROR_INIT;
    aipm_yaml_node *root = parse("nested: {k: v, \xc3\xa9t\xc3\xa9: w}\n"
                                 "t: \xc3\xa9\xc3\xa9\xc3\xa9\n"
                                 "u: x\n",
                                 &err);
    assert_non_null(root);
    const aipm_yaml_node *nested = aipm_yaml_get(root, "nested");
    const aipm_yaml_node *w = aipm_yaml_get(nested, "\xc3\xa9t\xc3\xa9");
    assert_non_null(w);
    /* columns count code points: 'été' is 3 columns wide */
    assert_int_equal(nested->keys[1]->line, 1);
    assert_int_equal(nested->keys[1]->col, 16);
    assert_int_equal(w->line, 1);
    assert_int_equal(w->col, 21);
    const aipm_yaml_node *u = aipm_yaml_get(root, "u");
    assert_int_equal(root->keys[2]->line, 3);
    assert_int_equal(root->keys[2]->col, 1);
    assert_int_equal(u->line, 3);
    assert_int_equal(u->col, 4);
    aipm_yaml_free(root);
}

static void test_yaml_null_scalars(void **state) {
    (void)state;
    aipm_error err = AIPM_ERROR_INIT;
    aipm_yaml_node *root = parse("a:\nb: ~\nc: null\nd: 'null'\ne: x\n", &err);
    assert_non_null(root);
    assert_true(aipm_yaml_is_null(aipm_yaml_get(root, "a")));
    assert_true(aipm_yaml_is_null(aipm_yaml_get(root, "b")));
    assert_true(aipm_yaml_is_null(aipm_yaml_get(root, "c")));
    assert_false(aipm_yaml_is_null(aipm_yaml_get(root, "d")));
    assert_false(aipm_yaml_is_null(aipm_yaml_get(root, "e")));
    assert_false(aipm_yaml_is_null(root));
    aipm_yaml_free(root);
}

static void test_yaml_empty_input(void **state) {
    (void)state;
    aipm_error err = AIPM_ERROR_INIT;
    assert_null(parse("", &err));
    assert_false(err.set);
    assert_null(parse("# only a comment\n", &err));
    assert_false(err.set);
    aipm_yaml_free(NULL);
}

static void test_yaml_duplicate_key(void **state) {
    (void)state;
    EXPECT_PARSE_ERROR("a: 1\nb: 2\n  \nx:\n  a: 1\n  b: 2\n  a: 3\n", 0,
                       "f.yaml:7:3: error: duplicate key 'a' (first at line 5)\n");
    EXPECT_PARSE_ERROR("k: 1\nk: 2\n", 0,
                       "f.yaml:2:1: error: duplicate key 'k' (first at line 1)\n");
}

static void test_yaml_alias_and_anchor_refused(void **state) {
    (void)state;
    EXPECT_PARSE_ERROR("a: &x 1\n", 0, "f.yaml:1:4: error: YAML anchors are not supported\n");
    EXPECT_PARSE_ERROR("a: &x [1]\n", 0, "f.yaml:1:4: error: YAML anchors are not supported\n");
    EXPECT_PARSE_ERROR("a: &x {k: v}\n", 0, "f.yaml:1:4: error: YAML anchors are not supported\n");
    EXPECT_PARSE_ERROR("a: 1\nb: *x\n", 0, "f.yaml:2:4: error: YAML aliases are not supported\n");
}

static void test_yaml_depth_limit(void **state) {
    (void)state;
    aipm_buf b = AIPM_BUF_INIT;
    for (int i = 0; i < 64; i++) {
        aipm_buf_putc(&b, '[');
    }
    for (int i = 0; i < 64; i++) {
        aipm_buf_putc(&b, ']');
    }
    aipm_error err = AIPM_ERROR_INIT;
    aipm_yaml_node *n = parse(b.ptr, &err);
    assert_non_null(n); /* exactly 64 levels are fine */
    aipm_yaml_free(n);
    aipm_buf_clear(&b);
    for (int i = 0; i < 65; i++) {
        aipm_buf_putc(&b, '[');
    }
    for (int i = 0; i < 65; i++) {
        aipm_buf_putc(&b, ']');
    }
    EXPECT_PARSE_ERROR(b.ptr, 0, "f.yaml:1:65: error: YAML nested deeper than 64 levels\n");
    aipm_buf_release(&b);
}

static void test_yaml_malformed(void **state) {
    (void)state;
    EXPECT_PARSE_ERROR("a: [1, 2\nb: 3\n", 0,
                       "f.yaml:2:2: error: invalid YAML: did not find expected ',' or ']' while "
                       "parsing a flow sequence\n");
    EXPECT_PARSE_ERROR("a: b: c\n", 0,
                       "f.yaml:1:5: error: invalid YAML: mapping values are not allowed in this "
                       "context\n");
}

static void test_yaml_line_offset(void **state) {
    (void)state;
    aipm_error err = AIPM_ERROR_INIT;
    aipm_yaml_node *root = aipm_yaml_parse(P, "a: 1\nb: x\n", 10, 5, &err);
    assert_non_null(root);
    assert_int_equal(root->line, 6);
    assert_int_equal(aipm_yaml_get(root, "b")->line, 7);
    assert_int_equal(aipm_yaml_get(root, "b")->col, 4);
    aipm_yaml_free(root);
    EXPECT_PARSE_ERROR("a: 1\na: 2\n", 5,
                       "f.yaml:7:1: error: duplicate key 'a' (first at line 6)\n");
}

static void test_yaml_read_str(void **state) {
    (void)state;
    aipm_error err = AIPM_ERROR_INIT;
    aipm_yaml_node *root = parse("s: text\nl: [a]\nm: {k: v}\nn:\n", &err);
    assert_non_null(root);
    const char *s = NULL;
    assert_int_equal(aipm_yaml_read_str(aipm_yaml_get(root, "s"), P, "s", &s, &err), 0);
    assert_string_equal(s, "text");
    assert_int_equal(aipm_yaml_read_str(aipm_yaml_get(root, "l"), P, "id", &s, &err), -1);
    EXPECT_ERR(err, "f.yaml:2:4: error: 'id' must be a string, not a list\n");
    assert_int_equal(aipm_yaml_read_str(aipm_yaml_get(root, "m"), P, "id", &s, &err), -1);
    EXPECT_ERR(err, "f.yaml:3:4: error: 'id' must be a string, not a mapping\n");
    assert_int_equal(aipm_yaml_read_str(aipm_yaml_get(root, "n"), P, "id", &s, &err), -1);
    assert_string_equal(err.msg, "'id' must be a string, not empty");
    aipm_error_release(&err);
    aipm_yaml_free(root);
}

static void test_yaml_read_str_nul(void **state) {
    (void)state;
    aipm_error err = AIPM_ERROR_INIT;
    aipm_yaml_node *root = parse("s: \"a\\0b\"\n", &err);
    assert_non_null(root);
    const char *s = NULL;
    assert_int_equal(aipm_yaml_read_str(aipm_yaml_get(root, "s"), P, "s", &s, &err), -1);
    EXPECT_ERR(err, "f.yaml:1:4: error: 's' must not contain NUL\n");
    aipm_yaml_free(root);
}

static void test_yaml_read_bool(void **state) {
    (void)state;
    aipm_error err = AIPM_ERROR_INIT;
    aipm_yaml_node *root = parse("[true, no, On, 'true', maybe]\n", &err);
    assert_non_null(root);
    bool b = false;
    assert_int_equal(aipm_yaml_read_bool(root->items[0], P, "b", &b, &err), 0);
    assert_true(b);
    assert_int_equal(aipm_yaml_read_bool(root->items[1], P, "b", &b, &err), 0);
    assert_false(b);
    assert_int_equal(aipm_yaml_read_bool(root->items[2], P, "b", &b, &err), 0);
    assert_true(b);
    assert_int_equal(aipm_yaml_read_bool(root->items[3], P, "flag", &b, &err), -1);
    EXPECT_ERR(err, "f.yaml:1:16: error: 'flag' must be true or false, not a string\n");
    assert_int_equal(aipm_yaml_read_bool(root->items[4], P, "flag", &b, &err), -1);
    EXPECT_ERR(err, "f.yaml:1:24: error: 'flag' must be true or false, not a string\n");
    assert_int_equal(aipm_yaml_read_bool(root, P, "flag", &b, &err), -1);
    EXPECT_ERR(err, "f.yaml:1:1: error: 'flag' must be true or false, not a list\n");
    aipm_yaml_free(root);
}

static void test_yaml_read_numbers(void **state) {
    (void)state;
    aipm_error err = AIPM_ERROR_INIT;
    aipm_yaml_node *root = parse("[3, 2.5, -1, abc, 70, '4', 1e3]\n", &err);
    assert_non_null(root);
    double d = 0;
    assert_int_equal(aipm_yaml_read_double(root->items[1], P, "d", &d, &err), 0);
    assert_true(d == 2.5);
    assert_int_equal(aipm_yaml_read_double(root->items[2], P, "d", &d, &err), 0);
    assert_true(d == -1.0);
    assert_int_equal(aipm_yaml_read_double(root->items[3], P, "ratio", &d, &err), -1);
    EXPECT_ERR(err, "f.yaml:1:14: error: 'ratio' must be a number, not a string\n");
    assert_int_equal(aipm_yaml_read_double(root->items[5], P, "ratio", &d, &err), -1);
    EXPECT_ERR(err, "f.yaml:1:23: error: 'ratio' must be a number, not a string\n");
    unsigned u = 0;
    assert_int_equal(aipm_yaml_read_uint(root->items[0], P, "min", 10, &u, &err), 0);
    assert_int_equal(u, 3);
    assert_int_equal(aipm_yaml_read_uint(root->items[4], P, "min", 64, &u, &err), -1);
    EXPECT_ERR(err, "f.yaml:1:19: error: 'min' must be at most 64, not 70\n");
    assert_int_equal(aipm_yaml_read_uint(root->items[2], P, "min", 64, &u, &err), -1);
    EXPECT_ERR(err, "f.yaml:1:10: error: 'min' must be a whole number, not a string\n");
    assert_int_equal(aipm_yaml_read_uint(root->items[1], P, "min", 64, &u, &err), -1);
    EXPECT_ERR(err, "f.yaml:1:5: error: 'min' must be a whole number, not a string\n");
    assert_int_equal(u, 3);
    aipm_yaml_free(root);
}

static void test_yaml_read_strs(void **state) {
    (void)state;
    aipm_error err = AIPM_ERROR_INIT;
    aipm_yaml_node *root =
        parse("one: x\nmany: [a, b]\nbad: [a, [b]]\nmap: {a: b}\nnone: []\n", &err);
    assert_non_null(root);
    const char **v = NULL;
    size_t n = 0;
    assert_int_equal(aipm_yaml_read_strs(aipm_yaml_get(root, "one"), P, "w", &v, &n, &err), 0);
    assert_int_equal(n, 1);
    assert_string_equal(v[0], "x");
    free(v);
    assert_int_equal(aipm_yaml_read_strs(aipm_yaml_get(root, "many"), P, "w", &v, &n, &err), 0);
    assert_int_equal(n, 2);
    assert_string_equal(v[0], "a");
    assert_string_equal(v[1], "b");
    free(v);
    assert_int_equal(aipm_yaml_read_strs(aipm_yaml_get(root, "none"), P, "w", &v, &n, &err), 0);
    assert_int_equal(n, 0);
    free(v);
    assert_int_equal(aipm_yaml_read_strs(aipm_yaml_get(root, "bad"), P, "words", &v, &n, &err), -1);
    assert_null(v);
    EXPECT_ERR(err, "f.yaml:3:10: error: 'words' must be a list of strings, not a list\n");
    assert_int_equal(aipm_yaml_read_strs(aipm_yaml_get(root, "map"), P, "words", &v, &n, &err), -1);
    EXPECT_ERR(err, "f.yaml:4:6: error: 'words' must be a string or a list of strings, not a "
                    "mapping\n");
    aipm_yaml_free(root);
}

static void test_yaml_expect_map(void **state) {
    (void)state;
    aipm_error err = AIPM_ERROR_INIT;
    aipm_yaml_node *root = parse("- a\n", &err);
    assert_non_null(root);
    assert_int_equal(aipm_yaml_expect_map(root, P, "config", &err), -1);
    EXPECT_ERR(err, "f.yaml:1:1: error: 'config' must be a mapping, not a list\n");
    assert_int_equal(aipm_yaml_expect_map(NULL, P, "config", &err), -1);
    EXPECT_ERR(err, "f.yaml:1:1: error: 'config' must be a mapping\n");
    aipm_yaml_free(root);
}

static void test_yaml_check_keys(void **state) {
    (void)state;
    static const char *const allowed[] = {"id", "summary", "severity", NULL};
    static const char *const extra[] = {"words", "patterns", NULL};
    aipm_error err = AIPM_ERROR_INIT;
    aipm_yaml_node *root = parse("id: a\nwords: b\n  \n", &err);
    assert_non_null(root);
    assert_int_equal(aipm_yaml_check_keys(root, allowed, extra, P, "rule 'a'", &err), 0);
    assert_int_equal(aipm_yaml_check_keys(root, allowed, NULL, P, "rule 'a'", &err), -1);
    EXPECT_ERR(err, "f.yaml:2:1: error: unknown key 'words' in rule 'a'\n");
    aipm_yaml_free(root);
    root = parse("id: a\n  \nsevrity: error\n", &err);
    assert_non_null(root);
    assert_int_equal(aipm_yaml_check_keys(root, allowed, extra, P, "rule 'a'", &err), -1);
    EXPECT_ERR(err,
               "f.yaml:3:1: error: unknown key 'sevrity' in rule 'a' (did you mean 'severity'?)\n");
    aipm_yaml_free(root);
    root = parse("{id: a, pattern: x}\n", &err);
    assert_non_null(root);
    assert_int_equal(aipm_yaml_check_keys(root, allowed, extra, P, "rule 'a'", &err), -1);
    EXPECT_ERR(err,
               "f.yaml:1:9: error: unknown key 'pattern' in rule 'a' (did you mean 'patterns'?)\n");
    aipm_yaml_free(root);
}

/* Two trees are equal: same shapes, marks, styles and bytes. */
static void assert_same_tree(const aipm_yaml_node *a, const aipm_yaml_node *b) {
    assert_int_equal(a->type, b->type);
    assert_int_equal(a->line, b->line);
    assert_int_equal(a->col, b->col);
    assert_int_equal(a->plain, b->plain);
    assert_int_equal(a->len, b->len);
    assert_int_equal(a->n, b->n);
    assert_int_equal(a->value == NULL, b->value == NULL);
    assert_int_equal(a->items == NULL, b->items == NULL);
    assert_int_equal(a->keys == NULL, b->keys == NULL);
    if (a->value) {
        assert_memory_equal(a->value, b->value, a->len + 1);
    }
    for (size_t i = 0; i < a->n; i++) {
        assert_same_tree(a->items[i], b->items[i]);
        if (a->keys) {
            assert_same_tree(a->keys[i], b->keys[i]);
        }
    }
}

/* The built-in pack's trees flattened by tools/embed are what parsing gives. */
static void test_yaml_builtin_trees(void **state) {
    (void)state;
    assert_true(aipm_builtin_count() > 0);
    for (size_t i = 0; i < aipm_builtin_count(); i++) {
        size_t len;
        const char *data = aipm_builtin_file(i, &len);
        aipm_error err = AIPM_ERROR_INIT;
        aipm_yaml_node *parsed = aipm_yaml_parse(aipm_builtin_path(i), data, len, 0, &err);
        assert_non_null(parsed);
        assert_non_null(aipm_builtin_tree(i));
        aipm_yaml_node *flat = aipm_yaml_unflatten(aipm_builtin_tree(i));
        assert_same_tree(parsed, flat);
        free(flat);
        aipm_yaml_free(parsed);
    }
}

/* A hand-made flat tree: {a: [x, {}], b: []} with an empty map and list. */
static void test_yaml_unflatten(void **state) {
    (void)state;
    static const aipm_yaml_flat_node nodes[] = {
        {AIPM_YAML_MAP, 0, 1, 1, 0, 0, 2, 0},     {AIPM_YAML_SCALAR, 1, 1, 2, 0, 1, 0, 0},
        {AIPM_YAML_SCALAR, 1, 1, 14, 2, 1, 0, 0}, {AIPM_YAML_SEQ, 0, 1, 5, 0, 0, 2, 4},
        {AIPM_YAML_SEQ, 0, 1, 17, 0, 0, 0, 6},    {AIPM_YAML_SCALAR, 1, 1, 6, 4, 1, 0, 0},
        {AIPM_YAML_MAP, 0, 1, 9, 0, 0, 0, 6},
    };
    static const unsigned kids[] = {1, 2, 3, 4, 5, 6};
    static const char strings[] = "a\0b\0x";
    const aipm_yaml_flat flat = {nodes, 7, kids, 6, strings};
    aipm_yaml_node *root = aipm_yaml_unflatten(&flat);
    aipm_error err = AIPM_ERROR_INIT;
    aipm_yaml_node *parsed = parse("{a: [x, {}], b: []}", &err);
    assert_non_null(parsed);
    assert_same_tree(parsed, root);
    assert_string_equal(aipm_yaml_get(root, "a")->items[0]->value, "x");
    assert_null(aipm_yaml_get(root, "b")->items);
    aipm_yaml_free(parsed);
    free(root);
}

int main(int argc, char **argv) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_yaml_scalar),
        cmocka_unit_test(test_yaml_map_and_seq_marks),
        cmocka_unit_test(test_yaml_marks_count_code_points),
        cmocka_unit_test(test_yaml_null_scalars),
        cmocka_unit_test(test_yaml_empty_input),
        cmocka_unit_test(test_yaml_duplicate_key),
        cmocka_unit_test(test_yaml_alias_and_anchor_refused),
        cmocka_unit_test(test_yaml_depth_limit),
        cmocka_unit_test(test_yaml_malformed),
        cmocka_unit_test(test_yaml_line_offset),
        cmocka_unit_test(test_yaml_read_str),
        cmocka_unit_test(test_yaml_read_str_nul),
        cmocka_unit_test(test_yaml_read_bool),
        cmocka_unit_test(test_yaml_read_numbers),
        cmocka_unit_test(test_yaml_read_strs),
        cmocka_unit_test(test_yaml_expect_map),
        cmocka_unit_test(test_yaml_check_keys),
        cmocka_unit_test(test_yaml_unflatten),
        cmocka_unit_test(test_yaml_builtin_trees),
    };
    AIPM_RUN_TESTS(argc, argv, tests);
}

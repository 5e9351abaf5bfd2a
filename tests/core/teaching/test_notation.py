"""core.teaching.notation: GateLab's indices from 1 with the bias last; the article's from 0,
its bias last too, as its code has it in both models."""

from core.teaching.notation import article_input, article_node, article_weight, symbol_table


def test_the_three_layer_article_counts_from_0():
    assert [article_input(i, 2) for i in (1, 2)] == [0, 1]
    assert [article_node(j) for j in (1, 2, 3)] == [0, 1, 2]  # h3 = 1, the bias node, is h2


def test_the_two_layer_model_follows_the_articles_code_bias_last():
    # np.insert(data, 2, 1, axis=1): x[k][2] = 1, and w1[2] its weight
    assert [article_input(i, 0) for i in (1, 2, 3)] == [0, 1, 2]
    assert [article_weight(i) for i in (1, 2, 3)] == [0, 1, 2]


def test_the_table_names_the_codes_variables():
    three = {row[0]: row for row in symbol_table(2)}
    assert three["input to hidden weight"][3] == "w1[i][j]"
    assert three["bias node"][1:] == ("h3 = 1", "h2 = 1", "h[2] = 1")
    assert three["hidden delta"][3] == "delta_hidden" and three["output delta"][3] == "delta_output"
    two = {row[0]: row for row in symbol_table(0)}
    assert two["bias weight"][1:] == ("w3", "w2", "w1[2]")
    assert two["inputs"][2] == "x0, x1, x2 = 1" and two["weights"][2] == "w0, w1"


def test_the_table_lines_each_symbol_up_with_the_codes_variable():
    for hidden in (0, 2):
        inputs = {row[0]: row for row in symbol_table(hidden)}["inputs"]
        gatelab, article, code = (cell.split(", ") for cell in inputs[1:])
        assert gatelab[2] == "1" and article[2].endswith("= 1") and code[2].endswith("= 1")
        assert code[:2] == ["x[k][0]", "x[k][1]"]

"""The article's notation next to GateLab's: how the indices of the same symbols differ, and
which variable of the article's code holds each (the math panel's notation switch and table).

GateLab counts from 1 and puts the bias last: x1, x2 and 1; w1, w2, w3 (the 2-layer model's
bias weight); w(1)ij from input i to hidden node j; w(2)j from hidden node j (j = H + 1: the
bias node). The article counts from 0 and writes w^first_ij, w^second_j. Its code puts the bias
input last in both models (np.insert(data, 2, 1, axis=1): x[k][2] = 1) and indexes the weights
alike (w1[2] is the 2-layer model's bias weight), so GateLab follows the code: x0, x1, then
x2 = 1, and the 2-layer weights w0, w1 and the bias weight w2. (Its 2-layer formula's figure
could be read with the bias first, x0 = 1; the code is what runs.)
"""

from core.model.layout import ARTICLE, GATELAB, article_input, article_node, article_weight, output_size

NOTATIONS = (GATELAB, ARTICLE)
__all__ = ["ARTICLE", "GATELAB", "NOTATIONS", "article_input", "article_node", "article_weight",
           "symbol_table"]


def symbol_table(hidden_nodes: int) -> list[tuple[str, str, str, str]]:
    """(what, GateLab's symbol, the article's, the article's code) for the model: `what` is a
    key the window translates; the rest are symbols, the same in every language."""
    if hidden_nodes == 0:
        return [
            ("inputs", "x1, x2, 1", "x0, x1, x2 = 1", "x[k][0], x[k][1], x[k][2] = 1"),
            ("weights", "w1, w2", "w0, w1", "w1[0], w1[1]"),
            ("bias weight", "w3", "w2", "w1[2]"),
            ("input sum", "u", "u", "u"),
            ("prediction, target", "yp, yt", "yp, yt", "yp, yt[k]"),
            ("step loss", "L[step] = ½ Σ (yp − yt)²", "L = ½ (yp − yt)²", "L[step] += ((yp − yt[k])²)/2"),
        ]
    last = output_size(hidden_nodes)  # the bias node's number: the last weight into the output
    return [
        ("inputs", "x1, x2, 1", "x0, x1, x2 = 1", "x[k][0], x[k][1], x[k][2] = 1"),
        ("input to hidden weight", "w(1)ij, i = 1..3, j = 1..H", "w^first_ij, i = 0..2, j = 0..H-1",
         "w1[i][j]"),
        ("hidden node", f"uj, hj, j = 1..{hidden_nodes}", f"uj, hj, j = 0..{hidden_nodes - 1}",
         "u[j], h[j]"),
        ("bias node", f"h{last} = 1", f"h{last - 1} = 1", f"h[{last - 1}] = 1"),
        ("hidden to output weight", f"w(2)j, j = 1..{last}", f"w^second_j, j = 0..{last - 1}",
         "w2[j]"),
        ("output sum, prediction, target", "v, yp, yt", "v, yp, yt", "v, y, yt[k]"),
        ("output delta", "δout", "(yp − yt) · f′(v)", "delta_output"),
        ("hidden delta", "δj", "(yp − yt) · f′(v) · w^second_j · f′(uj)", "delta_hidden"),
        ("step loss", "L[step] = ½ Σ (yp − yt)²", "L = ½ (yp − yt)²", "L[step] += (y − yt[k])²"),
    ]

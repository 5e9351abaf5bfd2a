"""Which loss the readouts show: GateLab's, L = ½ Σ (yp − yt)², or the sum the article's 3-layer
code adds up, Σ (yp − yt)² without the ½ (its printed loss curve is twice GateLab's).

A way of showing the same run, not another run: training always uses the model's own loss and
gradient; the loss plot, its hover read-out and the status bar multiply by loss_factor.
"""

GATELAB, ARTICLE_SUM = "gatelab", "article_sum"


def loss_factor(loss: str, convention: str) -> float:
    """What a shown loss is multiplied by: 2 for the squared loss in the article's sum, else 1
    (cross-entropy has no ½ in either)."""
    return 2.0 if convention == ARTICLE_SUM and loss == "squared" else 1.0

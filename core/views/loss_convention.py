"""Which loss the readouts show: GateLab's, L = ½ Σ (yp − yt)², or the sum the article's 3-layer
code adds up, Σ (yp − yt)² without the ½ (its printed loss curve is twice GateLab's). Its 2-layer
code keeps the ½, so a 2-layer run is shown as it is either way.

A way of showing the same run, not another run: training always uses the model's own loss and
gradient; the loss plot, its hover read-out and the status bar multiply by loss_factor.
"""

GATELAB, ARTICLE_SUM = "gatelab", "article_sum"


def loss_factor(loss: str, hidden_nodes: int, convention: str) -> float:
    """What a shown loss is multiplied by: 2 for the 3-layer model's squared loss in the
    article's sum, else 1 (its 2-layer code keeps the ½; cross-entropy has none to drop)."""
    return 2.0 if convention == ARTICLE_SUM and loss == "squared" and hidden_nodes > 0 else 1.0

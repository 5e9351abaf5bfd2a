"""HelpPanel: "What am I looking at?", two or three sentences per view."""

from PySide6.QtWidgets import QTextBrowser


class HelpPanel(QTextBrowser):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setOpenExternalLinks(False)
        sections = [
            (self.tr("A step"),
             self.tr("One step is one pass over the 4 rows of the truth table. In online mode "
                     "(the article's) the weights change after every row; in batch mode once per "
                     "step.")),
            (self.tr("3D surface"),
             self.tr("The height at each point (x1, x2) is the network's output yp for that "
                     "input. Red dots are the targets of the 4 rows, white dots the current "
                     "predictions. Where the surface is above the 0.5 plane the network answers 1.")),
            (self.tr("Loss plot"),
             self.tr("The loss of each step: the squared error ½(yp − yt)² summed over the 4 "
                     "rows. It falls as the network learns; a long flat part is a plateau that "
                     "training may or may not escape.")),
            (self.tr("Predictions table"),
             self.tr("Each row's prediction next to its target, with 2 decimals as in the "
                     "article. Green rows are on the right side of 0.5.")),
            (self.tr("Network diagram"),
             self.tr("Inputs on the left, hidden nodes in the middle, the output on the right. "
                     "Blue edges are positive weights, orange ones negative; the thicker the "
                     "edge, the larger the weight. Hover for values; pause to edit a weight.")),
            (self.tr("Hidden node maps"),
             self.tr("Each map is one hidden node's output over the input square: a soft "
                     "half-plane. The output node adds them up, which is how XOR is built from "
                     "simple pieces.")),
            (self.tr("Step-by-step math"),
             self.tr("The article's formulas for one row at a time, with the current numbers "
                     "in them: forward pass, loss, backward pass and update.")),
            (self.tr("Gradient check"),
             self.tr("Compares the gradients from backpropagation with slopes measured by "
                     "nudging each weight. Green means they agree.")),
            (self.tr("Any continuous function"),
             self.tr("Choose “Function f(x1, x2)” as the gate to learn a surface from an n x n "
                     "grid of samples. The universal approximation theorem the article cites "
                     "promises that with enough hidden nodes some network comes as close as we "
                     "like to any continuous function. It promises closeness, not exactness; "
                     "only for continuous functions (the step preset jumps, and between the "
                     "samples its error stays large); and only that a good network exists, not "
                     "that training finds it: a run can still get stuck. In the 3D view the red "
                     "wireframe is the target; “How the sum builds it” shows each hidden "
                     "node's share; Tools > How many hidden nodes? shows the error falling as "
                     "nodes are added. Help > The theorem, step by step sets up a run for each "
                     "of these points.")),
        ]
        self.setHtml("".join(f"<h3>{title}</h3><p>{text}</p>" for title, text in sections))

"""ArticleGuideView: the article's sections in GateLab's words, each with a button that sets the
window up for it (core.teaching.article_guide) and a line on what to look at."""

from core.teaching.article_guide import SECTIONS, section
from gui.views.guide_view import GuideView


class ArticleGuideView(GuideView):
    def __init__(self, flat: bool = False, parent=None):
        """flat: the output is a 2D map (no OpenGL), and the lines on what to look at say so."""
        super().__init__(parent)
        self._flat = flat
        self._lay_out(self.tr("Read the article beside GateLab: each part below is one section "
                              "of it. Set up puts the window where that section is."),
                      self.tr("Load the article's run for this section and show the view to look at"),
                      [entry.key for entry in SECTIONS], self.texts, self.subtitle)

    def subtitle(self, key: str) -> str:
        return f"「{section(key).heading}」"

    def texts(self, key: str) -> tuple[str, str, str]:
        """(title, what the section is about, what to look at) for a section, in GateLab's words."""
        return {
            "idea": (
                self.tr("The idea: a neuron adds and decides"),
                self.tr("The article starts from a nerve cell: it adds up the signals reaching "
                        "it, each weighted, and fires when the sum is large enough. A perceptron "
                        "is that sum and a threshold; GateLab's nodes use a smooth threshold, the "
                        "sigmoid."),
                self.tr("the network diagram: each edge is a weight, its width how large it is.")),
            "two_layer": (
                self.tr("The 2-layer model, steps 1 to 5"),
                self.tr("One neuron learns AND: the weighted sum u, the sigmoid of it, the squared "
                        "error, its slope for each weight, and the update. The step-by-step math "
                        "walks these five steps row by row with this run's numbers."),
                self.tr("the step-by-step math, in the article's notation; press Next.")),
            "two_layer_code": (
                self.tr("The 2-layer code and its results"),
                self.tr("The article trains 1,000 steps and prints a table and a 3D graph of the "
                        "prediction over x1 and x2. GateLab trains the same run and draws the "
                        "table, and the prediction as a map seen from above.") if self._flat else
                self.tr("The article trains 1,000 steps and prints a table and a 3D graph of the "
                        "prediction over x1 and x2. GateLab trains the same run and draws both."),
                self.tr("the predictions table and the map of the output: only (1, 1) is "
                        "brighter than 0.5.") if self._flat else
                self.tr("the predictions table and the 3D surface: only (1, 1) rises above 0.5.")),
            "three_layer": (
                self.tr("The 3-layer network, steps 1 to 8"),
                self.tr("A hidden layer between the inputs and the output lets the network learn "
                        "XOR, which one neuron cannot. Eight steps: two weighted sums, two "
                        "sigmoids, the error, two sets of slopes by the chain rule, the update."),
                self.tr("the step-by-step math: the chain rule, factor by factor, in steps 6 "
                        "and 7.")),
            "three_layer_code": (
                self.tr("The 3-layer code: XOR, and the order of its updates"),
                self.tr("The article's run of 2,000 steps prints the table 0.08, 0.92, 0.92, 0.07; "
                        "GateLab's seed 659 gives exactly that run. Its code updates the output "
                        "weights before it uses them for the hidden layer; the compare window "
                        "shows that run beside the textbook order from the same start."),
                self.tr("the hidden node maps: each hidden node draws one line, and the output "
                        "combines the two into XOR.")),
        }[key]

"""nbgrader configuration: the repository root is the course root.

`solutions/` holds the instructor source notebooks and `notebooks/` is where
`nbgrader generate_assignment` writes the learner versions. Every lesson is one
assignment: solutions/<NN_slug>/<NN_slug>.ipynb -> notebooks/<NN_slug>/<NN_slug>.ipynb.
"""
import os

c = get_config()  # noqa: F821 (provided by nbgrader when it loads this file)

here = os.path.dirname(os.path.abspath(__file__))

c.CourseDirectory.course_id = "turnaround"
c.CourseDirectory.root = here
c.CourseDirectory.source_directory = "solutions"
c.CourseDirectory.release_directory = "notebooks"

# The shared header ("how this notebook works") is written once and put at the
# top of every learner notebook when it is generated.
c.IncludeHeaderFooter.header = os.path.join(here, "course", "templates", "header.ipynb")

# Learners answer in plain prose inside %%reply / %%reflection cells, so the
# stub left in an answer cell is a line of prose the course recognises as
# "not answered yet" (see course/answers.py, UNANSWERED_MARK).
c.ClearSolutions.code_stub = {"python": "✍️ Replace this line with your answer, then run the cell (Shift+Enter)."}
c.ClearSolutions.text_stub = "✍️ Replace this line with your answer."

# Feedback pages must not show the hidden part of the grading cells (the tamper check):
# nbgrader 0.9.6 leaves hidden tests in feedback unless ClearHiddenTests runs here.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbgrader.preprocessors.ClearHiddenTests",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
]

# Give each grading cell a little longer on slow shared machines.
c.ExecutePreprocessor.timeout = 120

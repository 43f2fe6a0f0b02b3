"""Turnaround: a Jupyter course on handling upset customers.

The notebooks call into this package; content lives in course/data, the
feedback engine in course/feedback, and the nbgrader glue in course/grading.
"""
from .lesson import course_map, my_answers, start

__version__ = "0.1.0"
__all__ = ["course_map", "my_answers", "start"]


def load_ipython_extension(ipython):  # `%load_ext course`
    from . import magics
    magics.register(ipython)

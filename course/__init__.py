"""Turnaround: a Jupyter course on handling upset customers.

The notebooks call into this package; content lives in course/data, the
feedback engine in course/feedback, and the nbgrader glue in course/grading.
"""
__version__ = "0.1.0"
__all__ = ["course_map", "my_answers", "start"]


def __getattr__(name):
    """`course.start` and friends load the lesson machinery on first use, so that
    `import course.feedback` alone (the grader, the CLI) stays fast."""
    if name in __all__:
        from . import lesson
        return getattr(lesson, name)
    raise AttributeError(f"module 'course' has no attribute {name!r}")


def load_ipython_extension(ipython):  # `%load_ext course`
    from . import magics
    magics.register(ipython)

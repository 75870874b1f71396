"""Compare the responses to one hearing: who said what about each topic.

``collect`` reads the hearing and its responses into a :class:`~.model.Comparison`;
``notat`` makes the høringsnotat Document from it; ``matrix``, ``chart``, ``report`` and
``bundle`` make the other outputs; ``outputs`` writes them all.
"""

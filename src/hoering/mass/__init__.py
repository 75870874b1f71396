"""Mass consultations: the answers in a hearing's form tables compared at any size, on one
machine or on a Dask cluster (see :mod:`.engine` for the stages and
:func:`.engine.compare_mass`, which gives the :class:`~.model.MassComparison`); :mod:`.notat`
makes its sections of the høringsnotat, and :mod:`hoering.commands.compare` writes its matrix in
chunks."""

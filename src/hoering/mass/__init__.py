"""Mass consultations: the answers in a hearing's form tables compared at any size, on one
machine or on a Dask cluster (see :mod:`.engine` for the stages). ``compare_tables`` gives the
:class:`~.model.MassComparison`; :mod:`.outputs` writes its matrix in chunks."""

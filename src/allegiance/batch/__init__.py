"""Batch mode: the article pipeline over sharded inputs on Dask, with Parquet output.

``allegiance batch`` (:func:`run_batch`) analyses shards on a Dask cluster and commits each
shard atomically; :func:`build_corpus` runs republication and the network over the result;
``allegiance load`` (:func:`load_output`) copies it into SQLite or PostgreSQL. Dask and
pyarrow are optional (``pip install 'allegiance[scale]'``) and imported only when used.
"""

from .corpus import build_corpus
from .load import LoadStats, load_output
from .runner import BatchStats, get_analyzer, process_shard, run_batch
from .shards import Plan, Shard, plan_shards, read_shard
from .tables import COLUMNS, TABLES, finished_shards, iter_documents

__all__ = ["COLUMNS", "TABLES", "BatchStats", "LoadStats", "Plan", "Shard", "build_corpus",
           "finished_shards", "get_analyzer", "iter_documents", "load_output", "plan_shards",
           "process_shard", "read_shard", "run_batch"]

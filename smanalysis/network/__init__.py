"""Layer 3: the network around the brand (who spreads the word, communities, change over time).

Every function takes canonical interactions (or an edge table, or a networkx graph) and returns
DataFrames; :func:`build_graph` and :meth:`Snapshots.graph` give networkx graphs when one is the
point (drawing, GEXF/GraphML export). The heavy algorithms run on python-igraph underneath (see
:mod:`smanalysis.network.engine` for which engine computes what). To analyse one large network
several times, build its engine once with :func:`as_engine` and pass that to every function.
"""

from . import build, community, dynamics, engine, events, export, influence, metrics, sources
from .build import build_graph, edge_table, node_table
from .community import brokers, communities, community_summary
from .engine import Engine, as_engine
from .dynamics import Snapshots, member_retention, rank_stability, snapshots
from .events import community_events
from .export import gexf_spells, write_gexf, write_graphml
from .influence import influencers, shortlist
from .metrics import overview
from .sources import from_comments, from_dataset, from_mentions

__all__ = [
    "Engine",
    "as_engine",
    "edge_table",
    "node_table",
    "build_graph",
    "from_comments",
    "from_mentions",
    "from_dataset",
    "influencers",
    "shortlist",
    "communities",
    "community_summary",
    "brokers",
    "overview",
    "Snapshots",
    "snapshots",
    "rank_stability",
    "community_events",
    "member_retention",
    "write_gexf",
    "write_graphml",
    "gexf_spells",
]

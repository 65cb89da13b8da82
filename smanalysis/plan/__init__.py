"""Steps 2 and 3 of the four public-relations steps: the written plan and its execution.

Planning: the content plan (canonical ``content_plan`` table) checked for
completeness (:func:`review_plan`), cadence and gaps per platform
(:func:`cadence`, :func:`gaps`), the balance of promotion and useful content
(:func:`content_mix`), captions and hashtags within each platform's limits
(:func:`check_limits`, :data:`PLATFORM_LIMITS`), themes against the goal
(:func:`themes_vs_goal`) and a calendar (:func:`calendar`, :func:`plot_calendar`).

Execution: the plan against what was posted (:func:`match_plan`,
:func:`execution_summary`), themes for posts (:func:`assign_themes`), the care
queue (:func:`care_queue`), and a draft plan for the next period built from
recommendations (:func:`draft_next_plan`).
"""

from ..factfinding import PLAN_FIELDS, PROMO_CEILING
from .draft import draft_next_plan
from ..factfinding.keywords import CONTENT_KEYWORDS
from .execution import (
    MATCH_STATUSES,
    assign_themes,
    care_queue,
    execution_summary,
    match_plan,
    plan_vs_posts,
    plot_care,
    plot_execution,
)
from .review import (
    GOAL_CONTENT,
    PLATFORM_LIMITS,
    platform_limits,
    USEFUL_TYPES,
    check_limits,
    content_mix,
    plan_completeness,
    review_plan,
    themes_vs_goal,
)
from .schedule import cadence, calendar, gaps, plot_calendar
from .tables import own_posts, select_period

__all__ = [
    "PLATFORM_LIMITS",
    "platform_limits",
    "PROMO_CEILING",
    "USEFUL_TYPES",
    "GOAL_CONTENT",
    "select_period",
    "own_posts",
    "review_plan",
    "plan_completeness",
    "cadence",
    "gaps",
    "content_mix",
    "check_limits",
    "themes_vs_goal",
    "calendar",
    "plot_calendar",
    "match_plan",
    "execution_summary",
    "plan_vs_posts",
    "plot_execution",
    "assign_themes",
    "care_queue",
    "plot_care",
    "draft_next_plan",
]

"""Staff views in the Wagtail admin: dashboard panel, profile export, cohort planner, learned weights."""

import csv
import json

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from matching.admin_forms import CohortPlanForm
from matching.exchange import export_profiles
from matching.models import City, CityStatus, IntroductionOutcome, IntroductionRequest
from matching.planning import (
    MIN_OUTCOMES_TO_LEARN,
    learning_report,
    plan_round,
    save_plan,
    weights_dict,
)
from matching.services import current_weights
from matching.suggestions import MatchingWeights, RecomputeRun


class MatchingPanel(Component):
    """On the admin dashboard: what waits for staff, and whether the last recompute worked."""

    name = "matching"
    order = 110
    template_name = "matching/admin/dashboard_panel.html"

    def __init__(self, request):
        self.request = request

    def get_context_data(self, parent_context):
        user = self.request.user
        last_run = RecomputeRun.objects.first()
        return {
            "pending": City.objects.filter(status=CityStatus.PENDING).count(),
            "introductions": (
                IntroductionRequest.objects.filter(outcome=IntroductionOutcome.REQUESTED).count()
                if user.has_perm("matching.view_introductionrequest")
                else None
            ),
            "last_run": last_run,
            "last_good": RecomputeRun.objects.filter(status=RecomputeRun.Status.SUCCEEDED).first(),
        }


def export_profiles_view(request):
    """Approved profiles as a JSON download in the shared exchange format."""
    body = json.dumps(export_profiles(), ensure_ascii=False, indent=1)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    stamp = timezone.now().strftime("%Y-%m-%d")
    response["Content-Disposition"] = f'attachment; filename="rescom-profiles-{stamp}.json"'
    return response


def cohort_planner_view(request):
    """Pick a round, visitors, hosts and a minimum score; see, download or save the optimal plan."""
    form = CohortPlanForm(request.POST or None)
    context = {
        "page_title": _("Cohort planner"),
        "header_title": _("Cohort planner"),
        "header_icon": "group",
        "form": form,
    }
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        plan, cities = plan_round(
            data["visitors"],
            data["hosts"],
            data["min_score"],
            data["avoid_earlier"],
            data["shadowing_round"],
        )
        if request.POST.get("action") == "csv":
            return plan_csv(plan, cities)
        if request.POST.get("action") == "save":
            round_ = form.round_for_saving()
            saved = save_plan(round_, plan, cities)
            messages.success(
                request,
                _("Saved %(count)s planned partnerships for %(round)s.")
                % {"count": saved, "round": round_},
            )
            return redirect("matching_cohort_planner")
        context |= {
            "plan": plan,
            "rows": [(cities[a.visitor], cities[a.host], a.score) for a in plan.assignments],
            "unassigned": [cities[slug].name for slug in plan.unassigned],
        }
    return TemplateResponse(request, "matching/admin/cohort_planner.html", context)


def plan_csv(plan, cities) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="rescom-cohort-plan.csv"'
    writer = csv.writer(response)
    writer.writerow(["visitor", "visitor_country", "host", "host_country", "score"])
    for a in plan.assignments:
        v, h = cities[a.visitor], cities[a.host]
        writer.writerow([v.name, v.country.code, h.name, h.country.code, a.score])
    for slug in plan.unassigned:
        writer.writerow([cities[slug].name, cities[slug].country.code, "", "", ""])
    return response


def learned_weights_view(request):
    """Learned against current weights on held-out outcomes, and a button to adopt them."""
    report = learning_report()
    if request.method == "POST" and report.ready:
        weights = MatchingWeights.load()
        for name, value in weights_dict(report.evaluation.learned_weights).items():
            setattr(weights, name, value)
        weights.save()
        messages.success(request, _("Learned weights adopted; suggestions are being recomputed."))
        return redirect("matching_learned_weights")
    context = {
        "page_title": _("Learned weights"),
        "header_title": _("Learned weights"),
        "header_icon": "cogs",
        "report": report,
        "weights": [
            (name, value, learned.get(name))
            for learned in [weights_dict(report.evaluation.learned_weights) if report.ready else {}]
            for name, value in weights_dict(current_weights()).items()
        ],
        "minimum": MIN_OUTCOMES_TO_LEARN,
    }
    return TemplateResponse(request, "matching/admin/learned_weights.html", context)

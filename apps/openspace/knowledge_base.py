"""The seam to the public knowledge base for conclusions a group agreed to publish.

``apps.publications`` holds one JST's documents (a ``Publication`` needs the engagement and the team's consent),
so a group's conclusions from an open space cannot be stored there without changing its models. What this app
offers: ``public_conclusions(space)``, the conclusions whose group agreed (``Conclusion.publish_publicly``) of a
published open space; the lead wires the knowledge base to read them (or adds a kind of publication for them)."""

from .models import Conclusion


def public_conclusions(space):
    if not space.is_published:
        return Conclusion.objects.none()
    return (
        Conclusion.objects.filter(group__open_space=space, publish_publicly=True)
        .select_related("group__topic")
        .order_by("group__order", "pk")
    )

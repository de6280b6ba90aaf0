import factory

from .models import PartKind, Remark


class RemarkFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Remark

    part_kind = PartKind.MODEL
    part_key = "model"
    part_label = "Model doradztwa jako całość"
    text = factory.Sequence(lambda n: f"Uwaga {n} do modelu.")
    source = Remark.Source.LINK

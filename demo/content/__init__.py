"""Demo data: the 2023 situation of seed 000 (Jaarrapportage Sterke Wijken Zutphen).

The data live as plain Python structures in the modules of this package
(referentie, mensen, voorbeelden, initiatieven, activiteiten, buurtservice,
rapportage); ``loader.load()`` writes them idempotently. Person names are
fictional. Run it with ``python manage.py demodata``.
"""

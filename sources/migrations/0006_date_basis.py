"""Where each date comes from: a basis (stated, inferred, curator) and a note."""

from django.db import migrations, models

from core.data_version import install_triggers


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0003_data_version_triggers'),
        ('sources', '0005_article_search_vector'),
    ]

    operations = [
        migrations.AddField(
            model_name='article',
            name='published_basis',
            field=models.CharField(choices=[('stated', 'stated in the cited text'), ('inferred', 'inferred from the cited text'), ('curator', 'added by a curator')], default='stated', help_text='Where the date comes from: stated in the cited text, inferred from it, or added by a curator from outside the cited sources.', max_length=8, verbose_name='published date basis'),
        ),
        migrations.AddField(
            model_name='article',
            name='published_note',
            field=models.CharField(blank=True, help_text="For an inferred date, the excerpt it rests on; for a curator's date, where it comes from (required).", max_length=500, verbose_name='published date note'),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='published_basis',
            field=models.CharField(choices=[('stated', 'stated in the cited text'), ('inferred', 'inferred from the cited text'), ('curator', 'added by a curator')], default='stated', help_text='Where the date comes from: stated in the cited text, inferred from it, or added by a curator from outside the cited sources.', max_length=8, verbose_name='published date basis'),
        ),
        migrations.AddField(
            model_name='historicalarticle',
            name='published_note',
            field=models.CharField(blank=True, help_text="For an inferred date, the excerpt it rests on; for a curator's date, where it comes from (required).", max_length=500, verbose_name='published date note'),
        ),
        migrations.AddConstraint(
            model_name='article',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('published_basis', 'curator'), _negated=True), models.Q(('published_note', ''), _negated=True), _connector='OR'), name='sources_article_published_curator_date_has_note', violation_error_message='A date added by a curator needs a note saying where it comes from.'),
        ),
        # SQLite rebuilds the tables to add the columns, without their triggers.
        migrations.RunPython(install_triggers, migrations.RunPython.noop),
    ]

"""Where each date comes from: a basis (stated, inferred, curator) and a note."""

from django.db import migrations, models

from core.data_version import install_triggers


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0003_data_version_triggers'),
        ('deals', '0007_search_vectors'),
    ]

    operations = [
        migrations.AddField(
            model_name='deal',
            name='announced_basis',
            field=models.CharField(choices=[('stated', 'stated in the cited text'), ('inferred', 'inferred from the cited text'), ('curator', 'added by a curator')], default='stated', help_text='Where the date comes from: stated in the cited text, inferred from it, or added by a curator from outside the cited sources.', max_length=8, verbose_name='announced date basis'),
        ),
        migrations.AddField(
            model_name='deal',
            name='announced_note',
            field=models.CharField(blank=True, help_text="For an inferred date, the excerpt it rests on; for a curator's date, where it comes from (required).", max_length=500, verbose_name='announced date note'),
        ),
        migrations.AddField(
            model_name='development',
            name='occurred_basis',
            field=models.CharField(choices=[('stated', 'stated in the cited text'), ('inferred', 'inferred from the cited text'), ('curator', 'added by a curator')], default='stated', help_text='Where the date comes from: stated in the cited text, inferred from it, or added by a curator from outside the cited sources.', max_length=8, verbose_name='occurred date basis'),
        ),
        migrations.AddField(
            model_name='development',
            name='occurred_note',
            field=models.CharField(blank=True, help_text="For an inferred date, the excerpt it rests on; for a curator's date, where it comes from (required).", max_length=500, verbose_name='occurred date note'),
        ),
        migrations.AddField(
            model_name='historicaldeal',
            name='announced_basis',
            field=models.CharField(choices=[('stated', 'stated in the cited text'), ('inferred', 'inferred from the cited text'), ('curator', 'added by a curator')], default='stated', help_text='Where the date comes from: stated in the cited text, inferred from it, or added by a curator from outside the cited sources.', max_length=8, verbose_name='announced date basis'),
        ),
        migrations.AddField(
            model_name='historicaldeal',
            name='announced_note',
            field=models.CharField(blank=True, help_text="For an inferred date, the excerpt it rests on; for a curator's date, where it comes from (required).", max_length=500, verbose_name='announced date note'),
        ),
        migrations.AddField(
            model_name='historicaldevelopment',
            name='occurred_basis',
            field=models.CharField(choices=[('stated', 'stated in the cited text'), ('inferred', 'inferred from the cited text'), ('curator', 'added by a curator')], default='stated', help_text='Where the date comes from: stated in the cited text, inferred from it, or added by a curator from outside the cited sources.', max_length=8, verbose_name='occurred date basis'),
        ),
        migrations.AddField(
            model_name='historicaldevelopment',
            name='occurred_note',
            field=models.CharField(blank=True, help_text="For an inferred date, the excerpt it rests on; for a curator's date, where it comes from (required).", max_length=500, verbose_name='occurred date note'),
        ),
        migrations.AddField(
            model_name='historicalinvestment',
            name='announced_basis',
            field=models.CharField(choices=[('stated', 'stated in the cited text'), ('inferred', 'inferred from the cited text'), ('curator', 'added by a curator')], default='stated', help_text='Where the date comes from: stated in the cited text, inferred from it, or added by a curator from outside the cited sources.', max_length=8, verbose_name='announced date basis'),
        ),
        migrations.AddField(
            model_name='historicalinvestment',
            name='announced_note',
            field=models.CharField(blank=True, help_text="For an inferred date, the excerpt it rests on; for a curator's date, where it comes from (required).", max_length=500, verbose_name='announced date note'),
        ),
        migrations.AddField(
            model_name='historicallawsuit',
            name='filed_basis',
            field=models.CharField(choices=[('stated', 'stated in the cited text'), ('inferred', 'inferred from the cited text'), ('curator', 'added by a curator')], default='stated', help_text='Where the date comes from: stated in the cited text, inferred from it, or added by a curator from outside the cited sources.', max_length=8, verbose_name='filed date basis'),
        ),
        migrations.AddField(
            model_name='historicallawsuit',
            name='filed_note',
            field=models.CharField(blank=True, help_text="For an inferred date, the excerpt it rests on; for a curator's date, where it comes from (required).", max_length=500, verbose_name='filed date note'),
        ),
        migrations.AddField(
            model_name='historicallawsuitevent',
            name='occurred_basis',
            field=models.CharField(choices=[('stated', 'stated in the cited text'), ('inferred', 'inferred from the cited text'), ('curator', 'added by a curator')], default='stated', help_text='Where the date comes from: stated in the cited text, inferred from it, or added by a curator from outside the cited sources.', max_length=8, verbose_name='occurred date basis'),
        ),
        migrations.AddField(
            model_name='historicallawsuitevent',
            name='occurred_note',
            field=models.CharField(blank=True, help_text="For an inferred date, the excerpt it rests on; for a curator's date, where it comes from (required).", max_length=500, verbose_name='occurred date note'),
        ),
        migrations.AddField(
            model_name='investment',
            name='announced_basis',
            field=models.CharField(choices=[('stated', 'stated in the cited text'), ('inferred', 'inferred from the cited text'), ('curator', 'added by a curator')], default='stated', help_text='Where the date comes from: stated in the cited text, inferred from it, or added by a curator from outside the cited sources.', max_length=8, verbose_name='announced date basis'),
        ),
        migrations.AddField(
            model_name='investment',
            name='announced_note',
            field=models.CharField(blank=True, help_text="For an inferred date, the excerpt it rests on; for a curator's date, where it comes from (required).", max_length=500, verbose_name='announced date note'),
        ),
        migrations.AddField(
            model_name='lawsuit',
            name='filed_basis',
            field=models.CharField(choices=[('stated', 'stated in the cited text'), ('inferred', 'inferred from the cited text'), ('curator', 'added by a curator')], default='stated', help_text='Where the date comes from: stated in the cited text, inferred from it, or added by a curator from outside the cited sources.', max_length=8, verbose_name='filed date basis'),
        ),
        migrations.AddField(
            model_name='lawsuit',
            name='filed_note',
            field=models.CharField(blank=True, help_text="For an inferred date, the excerpt it rests on; for a curator's date, where it comes from (required).", max_length=500, verbose_name='filed date note'),
        ),
        migrations.AddField(
            model_name='lawsuitevent',
            name='occurred_basis',
            field=models.CharField(choices=[('stated', 'stated in the cited text'), ('inferred', 'inferred from the cited text'), ('curator', 'added by a curator')], default='stated', help_text='Where the date comes from: stated in the cited text, inferred from it, or added by a curator from outside the cited sources.', max_length=8, verbose_name='occurred date basis'),
        ),
        migrations.AddField(
            model_name='lawsuitevent',
            name='occurred_note',
            field=models.CharField(blank=True, help_text="For an inferred date, the excerpt it rests on; for a curator's date, where it comes from (required).", max_length=500, verbose_name='occurred date note'),
        ),
        migrations.AddConstraint(
            model_name='deal',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('announced_basis', 'curator'), _negated=True), models.Q(('announced_note', ''), _negated=True), _connector='OR'), name='deals_deal_announced_curator_date_has_note', violation_error_message='A date added by a curator needs a note saying where it comes from.'),
        ),
        migrations.AddConstraint(
            model_name='development',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('occurred_basis', 'curator'), _negated=True), models.Q(('occurred_note', ''), _negated=True), _connector='OR'), name='deals_development_occurred_curator_date_has_note', violation_error_message='A date added by a curator needs a note saying where it comes from.'),
        ),
        migrations.AddConstraint(
            model_name='investment',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('announced_basis', 'curator'), _negated=True), models.Q(('announced_note', ''), _negated=True), _connector='OR'), name='deals_investment_announced_curator_date_has_note', violation_error_message='A date added by a curator needs a note saying where it comes from.'),
        ),
        migrations.AddConstraint(
            model_name='lawsuit',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('filed_basis', 'curator'), _negated=True), models.Q(('filed_note', ''), _negated=True), _connector='OR'), name='deals_lawsuit_filed_curator_date_has_note', violation_error_message='A date added by a curator needs a note saying where it comes from.'),
        ),
        migrations.AddConstraint(
            model_name='lawsuitevent',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('occurred_basis', 'curator'), _negated=True), models.Q(('occurred_note', ''), _negated=True), _connector='OR'), name='deals_lawsuitevent_occurred_curator_date_has_note', violation_error_message='A date added by a curator needs a note saying where it comes from.'),
        ),
        # SQLite rebuilds the tables to add the columns, without their triggers.
        migrations.RunPython(install_triggers, migrations.RunPython.noop),
    ]

"""Where each date comes from: a basis (stated, inferred, curator) and a note."""

from django.db import migrations, models

from core.data_version import install_triggers


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0003_data_version_triggers'),
        ('companies', '0007_alias_compact_key_index'),
    ]

    operations = [
        migrations.AddField(
            model_name='company',
            name='founded_basis',
            field=models.CharField(choices=[('stated', 'stated in the cited text'), ('inferred', 'inferred from the cited text'), ('curator', 'added by a curator')], default='stated', help_text='Where the date comes from: stated in the cited text, inferred from it, or added by a curator from outside the cited sources.', max_length=8, verbose_name='founded date basis'),
        ),
        migrations.AddField(
            model_name='company',
            name='founded_note',
            field=models.CharField(blank=True, help_text="For an inferred date, the excerpt it rests on; for a curator's date, where it comes from (required).", max_length=500, verbose_name='founded date note'),
        ),
        migrations.AddField(
            model_name='historicalcompany',
            name='founded_basis',
            field=models.CharField(choices=[('stated', 'stated in the cited text'), ('inferred', 'inferred from the cited text'), ('curator', 'added by a curator')], default='stated', help_text='Where the date comes from: stated in the cited text, inferred from it, or added by a curator from outside the cited sources.', max_length=8, verbose_name='founded date basis'),
        ),
        migrations.AddField(
            model_name='historicalcompany',
            name='founded_note',
            field=models.CharField(blank=True, help_text="For an inferred date, the excerpt it rests on; for a curator's date, where it comes from (required).", max_length=500, verbose_name='founded date note'),
        ),
        migrations.AddField(
            model_name='historicalmetric',
            name='as_of_basis',
            field=models.CharField(choices=[('stated', 'stated in the cited text'), ('inferred', 'inferred from the cited text'), ('curator', 'added by a curator')], default='stated', help_text='Where the date comes from: stated in the cited text, inferred from it, or added by a curator from outside the cited sources.', max_length=8, verbose_name='as of date basis'),
        ),
        migrations.AddField(
            model_name='historicalmetric',
            name='as_of_note',
            field=models.CharField(blank=True, help_text="For an inferred date, the excerpt it rests on; for a curator's date, where it comes from (required).", max_length=500, verbose_name='as of date note'),
        ),
        migrations.AddField(
            model_name='historicalproduct',
            name='launched_basis',
            field=models.CharField(choices=[('stated', 'stated in the cited text'), ('inferred', 'inferred from the cited text'), ('curator', 'added by a curator')], default='stated', help_text='Where the date comes from: stated in the cited text, inferred from it, or added by a curator from outside the cited sources.', max_length=8, verbose_name='launched date basis'),
        ),
        migrations.AddField(
            model_name='historicalproduct',
            name='launched_note',
            field=models.CharField(blank=True, help_text="For an inferred date, the excerpt it rests on; for a curator's date, where it comes from (required).", max_length=500, verbose_name='launched date note'),
        ),
        migrations.AddField(
            model_name='historicalrole',
            name='ended_basis',
            field=models.CharField(choices=[('stated', 'stated in the cited text'), ('inferred', 'inferred from the cited text'), ('curator', 'added by a curator')], default='stated', help_text='Where the date comes from: stated in the cited text, inferred from it, or added by a curator from outside the cited sources.', max_length=8, verbose_name='ended date basis'),
        ),
        migrations.AddField(
            model_name='historicalrole',
            name='ended_note',
            field=models.CharField(blank=True, help_text="For an inferred date, the excerpt it rests on; for a curator's date, where it comes from (required).", max_length=500, verbose_name='ended date note'),
        ),
        migrations.AddField(
            model_name='historicalrole',
            name='started_basis',
            field=models.CharField(choices=[('stated', 'stated in the cited text'), ('inferred', 'inferred from the cited text'), ('curator', 'added by a curator')], default='stated', help_text='Where the date comes from: stated in the cited text, inferred from it, or added by a curator from outside the cited sources.', max_length=8, verbose_name='started date basis'),
        ),
        migrations.AddField(
            model_name='historicalrole',
            name='started_note',
            field=models.CharField(blank=True, help_text="For an inferred date, the excerpt it rests on; for a curator's date, where it comes from (required).", max_length=500, verbose_name='started date note'),
        ),
        migrations.AddField(
            model_name='historicalstatement',
            name='stated_basis',
            field=models.CharField(choices=[('stated', 'stated in the cited text'), ('inferred', 'inferred from the cited text'), ('curator', 'added by a curator')], default='stated', help_text='Where the date comes from: stated in the cited text, inferred from it, or added by a curator from outside the cited sources.', max_length=8, verbose_name='stated date basis'),
        ),
        migrations.AddField(
            model_name='historicalstatement',
            name='stated_note',
            field=models.CharField(blank=True, help_text="For an inferred date, the excerpt it rests on; for a curator's date, where it comes from (required).", max_length=500, verbose_name='stated date note'),
        ),
        migrations.AddField(
            model_name='metric',
            name='as_of_basis',
            field=models.CharField(choices=[('stated', 'stated in the cited text'), ('inferred', 'inferred from the cited text'), ('curator', 'added by a curator')], default='stated', help_text='Where the date comes from: stated in the cited text, inferred from it, or added by a curator from outside the cited sources.', max_length=8, verbose_name='as of date basis'),
        ),
        migrations.AddField(
            model_name='metric',
            name='as_of_note',
            field=models.CharField(blank=True, help_text="For an inferred date, the excerpt it rests on; for a curator's date, where it comes from (required).", max_length=500, verbose_name='as of date note'),
        ),
        migrations.AddField(
            model_name='product',
            name='launched_basis',
            field=models.CharField(choices=[('stated', 'stated in the cited text'), ('inferred', 'inferred from the cited text'), ('curator', 'added by a curator')], default='stated', help_text='Where the date comes from: stated in the cited text, inferred from it, or added by a curator from outside the cited sources.', max_length=8, verbose_name='launched date basis'),
        ),
        migrations.AddField(
            model_name='product',
            name='launched_note',
            field=models.CharField(blank=True, help_text="For an inferred date, the excerpt it rests on; for a curator's date, where it comes from (required).", max_length=500, verbose_name='launched date note'),
        ),
        migrations.AddField(
            model_name='role',
            name='ended_basis',
            field=models.CharField(choices=[('stated', 'stated in the cited text'), ('inferred', 'inferred from the cited text'), ('curator', 'added by a curator')], default='stated', help_text='Where the date comes from: stated in the cited text, inferred from it, or added by a curator from outside the cited sources.', max_length=8, verbose_name='ended date basis'),
        ),
        migrations.AddField(
            model_name='role',
            name='ended_note',
            field=models.CharField(blank=True, help_text="For an inferred date, the excerpt it rests on; for a curator's date, where it comes from (required).", max_length=500, verbose_name='ended date note'),
        ),
        migrations.AddField(
            model_name='role',
            name='started_basis',
            field=models.CharField(choices=[('stated', 'stated in the cited text'), ('inferred', 'inferred from the cited text'), ('curator', 'added by a curator')], default='stated', help_text='Where the date comes from: stated in the cited text, inferred from it, or added by a curator from outside the cited sources.', max_length=8, verbose_name='started date basis'),
        ),
        migrations.AddField(
            model_name='role',
            name='started_note',
            field=models.CharField(blank=True, help_text="For an inferred date, the excerpt it rests on; for a curator's date, where it comes from (required).", max_length=500, verbose_name='started date note'),
        ),
        migrations.AddField(
            model_name='statement',
            name='stated_basis',
            field=models.CharField(choices=[('stated', 'stated in the cited text'), ('inferred', 'inferred from the cited text'), ('curator', 'added by a curator')], default='stated', help_text='Where the date comes from: stated in the cited text, inferred from it, or added by a curator from outside the cited sources.', max_length=8, verbose_name='stated date basis'),
        ),
        migrations.AddField(
            model_name='statement',
            name='stated_note',
            field=models.CharField(blank=True, help_text="For an inferred date, the excerpt it rests on; for a curator's date, where it comes from (required).", max_length=500, verbose_name='stated date note'),
        ),
        migrations.AddConstraint(
            model_name='company',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('founded_basis', 'curator'), _negated=True), models.Q(('founded_note', ''), _negated=True), _connector='OR'), name='companies_company_founded_curator_date_has_note', violation_error_message='A date added by a curator needs a note saying where it comes from.'),
        ),
        migrations.AddConstraint(
            model_name='metric',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('as_of_basis', 'curator'), _negated=True), models.Q(('as_of_note', ''), _negated=True), _connector='OR'), name='companies_metric_as_of_curator_date_has_note', violation_error_message='A date added by a curator needs a note saying where it comes from.'),
        ),
        migrations.AddConstraint(
            model_name='product',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('launched_basis', 'curator'), _negated=True), models.Q(('launched_note', ''), _negated=True), _connector='OR'), name='companies_product_launched_curator_date_has_note', violation_error_message='A date added by a curator needs a note saying where it comes from.'),
        ),
        migrations.AddConstraint(
            model_name='role',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('started_basis', 'curator'), _negated=True), models.Q(('started_note', ''), _negated=True), _connector='OR'), name='companies_role_started_curator_date_has_note', violation_error_message='A date added by a curator needs a note saying where it comes from.'),
        ),
        migrations.AddConstraint(
            model_name='role',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('ended_basis', 'curator'), _negated=True), models.Q(('ended_note', ''), _negated=True), _connector='OR'), name='companies_role_ended_curator_date_has_note', violation_error_message='A date added by a curator needs a note saying where it comes from.'),
        ),
        migrations.AddConstraint(
            model_name='statement',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('stated_basis', 'curator'), _negated=True), models.Q(('stated_note', ''), _negated=True), _connector='OR'), name='companies_statement_stated_curator_date_has_note', violation_error_message='A date added by a curator needs a note saying where it comes from.'),
        ),
        # SQLite rebuilds the tables to add the columns, without their triggers.
        migrations.RunPython(install_triggers, migrations.RunPython.noop),
    ]

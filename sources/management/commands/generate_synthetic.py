from django.core.management.base import BaseCommand, CommandError

from sources.synthetic import Sizes, synthetic_generate


class Command(BaseCommand):
    help = (
        "Fill the database with synthetic companies, people, products, deals, investments, "
        "lawsuits, developments and cited articles, for load and performance tests. The "
        "same --seed gives the same data. Rows are bulk-inserted in one transaction: no "
        "history rows are written, so never run it on a database whose history matters."
    )

    def add_arguments(self, parser):
        parser.add_argument("--companies", type=int, required=True, help="How many companies.")
        parser.add_argument("--deals", type=int, required=True, help="How many deals.")
        parser.add_argument(
            "--investments", type=int, help="How many investments (default: a quarter of deals)."
        )
        parser.add_argument(
            "--lawsuits", type=int, help="How many lawsuits (default: a twentieth of deals)."
        )
        parser.add_argument("--seed", type=int, default=0, help="Random seed (default 0).")
        parser.add_argument(
            "--batch-size", type=int, default=2000, help="Rows per INSERT (default 2000)."
        )

    def handle(self, *args, **options):
        deals = options["deals"]
        sizes = Sizes(
            companies=options["companies"],
            deals=deals,
            investments=deals // 4 if options["investments"] is None else options["investments"],
            lawsuits=deals // 20 if options["lawsuits"] is None else options["lawsuits"],
        )
        self.check_sizes(sizes, options["batch_size"])
        report = synthetic_generate(sizes, seed=options["seed"], batch_size=options["batch_size"])
        self.stdout.write(
            f"{report.rows} rows in {report.seconds:.1f} s: "
            f"{report.rows_per_second:,.0f} rows/s "
            f"({sizes.companies} companies, {sizes.deals} deals, "
            f"{sizes.investments} investments, {sizes.lawsuits} lawsuits)."
        )

    @staticmethod
    def check_sizes(sizes: Sizes, batch_size: int) -> None:
        for name in ("companies", "deals", "investments", "lawsuits"):
            if getattr(sizes, name) < 0:
                raise CommandError(f"--{name} cannot be negative (got {getattr(sizes, name)}).")
        if batch_size < 1:
            raise CommandError(f"--batch-size must be at least 1 (got {batch_size}).")
        if sizes.companies < 2 and (sizes.deals or sizes.investments or sizes.lawsuits):
            raise CommandError(
                "Deals, investments and lawsuits need at least two companies: "
                "give --companies 2 or more."
            )

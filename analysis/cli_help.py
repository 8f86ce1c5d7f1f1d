"""The examples each subcommand's --help ends with (kept apart from the parser code)."""

BUILD_EPILOG = """example:
  python -m analysis build
  python -m analysis build --database /tmp/plans.duckdb --exports-dir /tmp/exports
"""
EXPORT_EPILOG = """examples:
  # bilingual PDF of the gap to target for two cities, half an A4 page
  python -m analysis export gap --indicators preschool_gross_enrollment_rate \\
      --cities baicheng,jiamusi --lang bilingual --format pdf --size a4-half

  # English PNG and SVG for a 16:9 slide, three indicators (one chart each)
  python -m analysis export gap --indicators preschool_gross_enrollment_rate,\\
inclusive_kindergarten_coverage,public_kindergarten_enrollment_share \\
      --lang en --format png,svg --size slide-16x9

  # Chinese theme heatmap of four themes, explicit size and resolution
  python -m analysis export theme-heatmap --themes preschool,teacher_workforce,digital_education,\\
rural_revitalisation --lang zh --size 180x120mm --dpi 600

  # how alike three cities' theme profiles are, English, SVG
  python -m analysis export theme-similarity --cities baicheng,linjiang,jiamusi --lang en \\
      --format svg

  # by name, as a writer types them: Chinese or English names, any case, 、 or ， between
  python -m analysis export gap --indicators 学前三年毛入园率 --cities 白城市，Jiamusi \
      --lang EN --format PNG --size A4-half

  # growth needed per year, and Jiamusi's midpoint progress, as the notebooks draw them
  python -m analysis export growth
  python -m analysis export midpoint --cities jiamusi --format pdf,png

  # required pace against the 2015-2020 pace, and 2022 values against the straight path
  python -m analysis export ambition --lang en --format png

  # the words each of three cities uses more than the others, English, on a slide
  python -m analysis export vocabulary --cities baicheng,siping,jiamusi --lang en \\
      --size slide-16x9 --format png

  # three midpoint panels on half an A4 page, as SVG whose text Inkscape can edit
  python -m analysis export midpoint --cities jiamusi --indicators \\
student_physical_fitness_pass_rate,mandarin_popularisation_rate,inclusive_kindergarten_coverage \\
      --size a4-half --format svg --svg-text

Each chart is written to --out-dir with a sidecar <name>.json naming every observation
plotted (id, source, raw file, character span, quote) and the database build it came from,
and <name>.csv with the numbers drawn (each with its observation id and raw span; for the
vocabulary chart each term's z-score, count and the raw span of a sentence using it).
Cities, indicators and themes may be given by id or by name (python -m analysis list
cities|indicators|themes shows them); an unknown name is an error that suggests the
closest ones. A chart with nothing to plot, or with more panels or rows than the size
holds, is an error too (choose fewer, or a larger size). Text that would be clipped or
overlap is reported as a warning.
"""
ALL_EPILOG = """example:
  python -m analysis all      # what `make all` runs
"""
REPRODUCE_EPILOG = """example:
  python -m analysis reproduce
  python -m analysis reproduce --keep /tmp/rerun    # keep the copy to inspect differences

prints, for instance:
  39 of 39 figures reproduced byte-identically
  16 of 16 data exports reproduced byte-identically
  6 of 6 notebooks reproduced byte-identically
"""
REPORT_EPILOG = """example:
  python -m analysis report && xdg-open build/report/index.html
"""
EXPORT_DATA_EPILOG = """example:
  python -m analysis export-data
  frictionless validate data/curated/datapackage.json
"""
LIST_EPILOG = """examples:
  python -m analysis list cities
  python -m analysis list indicators --format csv > indicators.csv
  python -m analysis list themes

prints, for instance:
  id        name_zh   name_en     province               document          period
  baicheng  白城市    Baicheng    吉林省 Jilin           five_year_plan    2021-2025
  ...
  jiamusi   佳木斯市  Jiamusi     黑龙江省 Heilongjiang  five_year_plan    2021-2025
  5 cities, read from data/curated/plans.duckdb
Any id or name listed here can be given to export --cities, --indicators, --themes.
"""
LOCATE_EPILOG = """example:
  python -m analysis locate jiamusi_fyp_2021_2025 "视频监控系统与属地公安机关联网率"
"""
ADD_SOURCE_EPILOG = """examples:
  # a five-year plan whose text states its title, period and issue date
  python -m analysis add-source ~/plans/tonghua_14th_fyp_education.txt \\
      --city-id tonghua --city-zh 通化市 --city-en Tonghua

  # an annual work plan whose text states no title or year: say what it does not
  python -m analysis add-source ~/plans/liaoyuan_2022_work_plan.txt --city-id liaoyuan \\
      --city-zh 辽源市 --city-en Liaoyuan --province-zh 吉林省 --period 2022 \\
      --title-zh 辽源市2022年教育工作要点 --no-build

prints what it took from the text (with the line), what it could not infer and the
default it used, for instance:
  registered 'tonghua_fyp_2021_2025' in data/raw/sources.yaml; values chosen:
    inferred title_zh        通化市“十四五”教育发展规划（2021－2025年）  (from lines 1-2: …)
    inferred issue_date      2022-03-15  (from line 8: 通化市人民政府办公室 2022年 3月 15日印发; …)
    default  baseline_year   2020  (the year before the period: period_start - 1)
then builds as `python -m analysis build` does and prints its summary. Options always win
over the text; a refused plan leaves sources.yaml and data/raw as they were.
"""

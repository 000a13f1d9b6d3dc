# Writes the golden files that tests/Upon.Core.Tests/Workforce/CoxGoldenTests.cs compares with Upon.Core's Cox
# proportional-hazards regression (ProportionalHazards.Fit) and its test of proportional hazards
# (CoxFit.TestProportionalHazards), to 1e-6 (relative for values above 1, absolute below).
#
# Run from this folder:  Rscript make-cox-golden.R
# Needs R and the survival package (Debian: r-base-core, r-cran-survival). The tests need neither.
#
# Every fit is coxph(Surv(stop, event) ~ ...) when every record of the data set starts at 0 (right-censored data:
# R fits it with coxph.fit) and coxph(Surv(start, stop, event) ~ ...) otherwise (counting-process form: agreg.fit),
# with ties = "efron" or "breslow", strata(...) when the fit names a stratum column, cluster = ... when it names a
# cluster column, and robust = TRUE when it asks for a robust variance without clusters (each record its own
# cluster). Covariates are numeric columns: a factor is written as its 0/1 dummy columns (veteran's cell type with
# squamous as the reference), so cox.zph's terms are the columns.
#
# Files written (CSV, header row, numbers as %.17g, NA and Inf as R prints them):
#   cox-data-NAME.csv  the records of data set NAME: start, stop, event (0/1), the covariate columns, and the
#                      columns used as strata or clusters. The data sets:
#                        veteran  R's veteran (lung cancer trial): trt, karno, age, celltype dummies smallcell, adeno, large
#                        lung     R's lung with age, sex, ph.ecog known; event = status 2 (death)
#                        heart    R's heart (Stanford heart transplant, counting-process form): age, year, surgery, and
#                                 transplant (0/1), a time-varying covariate; id is the patient
#                        dcs      synthetic DCS tenures in whole months (set.seed below): delayed entry (DCSs already in
#                                 post when observation began), ties, interim (0/1), age, an Ofsted judgement of
#                                 inadequate that switches on part-way through a tenure (time-varying: the tenure is
#                                 split into two records sharing the person's id), region as strata with no exits at
#                                 all in "east", and england, a covariate that is 1 for everyone (R's NA coefficient)
#                        separation  synthetic tenures with delayed entry where every exit is of an acting DCS (acting = 1):
#                                 the partial likelihood keeps rising as the coefficient of acting grows (R warns)
#                        separationright  the same exits and covariates observed from time 0 (right-censored form)
#                        rare     synthetic: two acting DCSs among sixty-two, one leaving first, the other staying to the end: a
#                                 large but finite hazard ratio, where the first Newton steps overshoot (agreg.fit halves them)
#                        rareright  the same observed from time 0 (fitted by coxph.fit, which halves steps too)
#   cox-fits.csv       one row per fit: its data set, covariates (';'-separated), ties, stratum and cluster columns
#                      (empty when none), robust (TRUE/FALSE), iter.max (2 or 3 for fits stopped before they converge,
#                      counting-process data only); n, nevent, iter; loglik at 0 and at the estimate; the
#                      likelihood-ratio, Wald (robust variance when robust) and score tests, and the robust score test
#                      when robust, each with df and p; concordance counts, concordance and its standard error as
#                      fit$concordance; and R's warnings (';'-separated, commas removed)
#   cox-coefficients.csv  summary(fit, conf.int = level) per fit and covariate: coef, exp(coef), se(coef) (the
#                      model-based one), robust se (NA when not robust), z, p, and the limits of exp(coef), for level
#                      0.95 and, for veteran-efron, 0.9 as well
#   cox-variance.csv   fit$var (robust when robust) and fit$naive.var (NA when not robust), by row and column
#   cox-zph.csv        cox.zph(fit, transform) per fit, transform and term (GLOBAL last): chisq, df, p
#   cox-versions.txt   the R and survival versions
#
# One departure from what coxph returns: out of iterations (iter.max above 1) on right-censored data, survival 3.5-3's
# coxfit6 inverts the information at the best estimate without factoring it first, so fit$var there is not the inverse
# of the information. For those fits var, the standard errors and the Wald test are written from the information at
# the estimate, coxph(init = coef(fit), iter.max = 0); coefficients, log-likelihoods and iterations are coxph's own.
suppressPackageStartupMessages(library(survival))

num <- function(x) ifelse(is.na(x), "NA", ifelse(is.infinite(x), ifelse(x > 0, "Inf", "-Inf"), sprintf("%.17g", x)))

veteran_data <- with(veteran, data.frame(
  start = 0, stop = time, event = status, trt = trt, karno = karno, age = age,
  smallcell = as.numeric(celltype == "smallcell"), adeno = as.numeric(celltype == "adeno"),
  large = as.numeric(celltype == "large"), celltype = as.character(celltype)))

lung_known <- lung[!is.na(lung$age) & !is.na(lung$sex) & !is.na(lung$ph.ecog), ]
lung_data <- with(lung_known, data.frame(
  start = 0, stop = time, event = as.numeric(status == 2), age = age, sex = sex, ph.ecog = ph.ecog))
# A covariate that is a linear combination of two others (R gives the later of the three an NA coefficient).
lung_data$agesex <- lung_data$age + 10 * lung_data$sex

heart_data <- with(heart, data.frame(
  start = start, stop = stop, event = event, age = age, year = year, surgery = surgery,
  transplant = as.numeric(as.character(transplant)), id = id))
heart_data$ageyear <- heart_data$age - 2 * heart_data$year

# Synthetic DCS tenures, in whole months so that exits and censorings tie.
set.seed(20250611)
people <- 160
regions <- c("east", "london", "north", "south")
person <- data.frame(
  id = sprintf("p%03d", seq_len(people)),
  region = sample(regions, people, replace = TRUE),
  interim = rbinom(people, 1, 0.25),
  age = round(rnorm(people, 52, 6)))
rate <- 0.025 * exp(0.6 * person$interim + 0.04 * (person$age - 52))
tenure <- ceiling(rexp(people, rate))
# About a third were already in post when observation began, some months into their tenure (delayed entry).
entry <- ifelse(runif(people) < 0.35, sample(1:30, people, replace = TRUE), 0)
end <- entry + sample(12:72, people, replace = TRUE)
keep <- tenure > entry                       # only those still in post when observation began are seen
person <- person[keep, ]; tenure <- tenure[keep]; entry <- entry[keep]; end <- end[keep]
stop <- pmin(tenure, end)
event <- as.numeric(tenure <= end & person$region != "east")   # no one in the east leaves while observed
# An inadequate judgement part-way through about a quarter of the tenures splits them into two records.
judged <- runif(nrow(person)) < 0.25 & stop - entry >= 2
at <- ifelse(judged, entry + pmax(1, floor((stop - entry) * runif(nrow(person)))), NA)
rows <- list()
for (i in seq_len(nrow(person))) {
  p <- person[i, ]
  if (judged[i]) {
    rows[[length(rows) + 1]] <- data.frame(start = entry[i], stop = at[i], event = 0, p, inadequate = 0)
    rows[[length(rows) + 1]] <- data.frame(start = at[i], stop = stop[i], event = event[i], p, inadequate = 1)
  } else {
    rows[[length(rows) + 1]] <- data.frame(start = entry[i], stop = stop[i], event = event[i], p, inadequate = 0)
  }
}
dcs_data <- do.call(rbind, rows)
dcs_data$england <- 1
dcs_data <- dcs_data[, c("start", "stop", "event", "interim", "age", "inadequate", "england", "region", "id")]

# Every exit is of an acting DCS; tenure lengths tie; some enter late.
separation_data <- data.frame(
  start = c(0, 0, 2, 0, 3, 0, 1, 0, 0, 4, 0, 2, 0, 0, 5, 0, 0, 1, 0, 0),
  stop = c(6, 9, 9, 12, 12, 15, 18, 20, 24, 24, 30, 30, 36, 36, 40, 48, 48, 50, 60, 60),
  event = c(1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0, 0, 1, 0, 0, 1, 0, 0, 0),
  acting = c(1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 0, 0, 0),
  age = c(48, 55, 51, 60, 47, 53, 58, 45, 50, 62, 49, 57, 54, 46, 59, 52, 56, 61, 44, 63))
separation_right <- separation_data
separation_right$start <- 0

# Two acting DCSs among sixty-two: one leaves first, the other stays to the end while three others leave early and the
# rest are censored later. The hazard ratio is large but finite, and the first Newton steps overshoot and are halved.
set.seed(11)
rare_data <- data.frame(
  start = 0,
  stop = c(1, 1000, 10 * (1:3), 500 + (1:57)),
  event = c(1, 0, rep(1, 3), rep(0, 57)),
  acting = c(1, 1, rep(0, 60)),
  age = round(rnorm(62, 50, 6)))
rare_data$start[c(5, 12)] <- c(4, 9)
rare_right <- rare_data
rare_right$start <- 0

datasets <- list(veteran = veteran_data, lung = lung_data, heart = heart_data, dcs = dcs_data,
                 separation = separation_data, separationright = separation_right, rare = rare_data, rareright = rare_right)
for (name in names(datasets)) {
  d <- datasets[[name]]
  out <- d
  for (column in names(d)) if (is.numeric(d[[column]])) out[[column]] <- num(d[[column]])
  write.csv(out, paste0("cox-data-", name, ".csv"), row.names = FALSE, quote = FALSE)
}

vet <- c("trt", "karno", "age", "smallcell", "adeno", "large")
dcs <- c("interim", "age", "inadequate")
fits <- list(
  list(name = "veteran-efron", data = "veteran", x = vet, ties = "efron"),
  list(name = "veteran-breslow", data = "veteran", x = vet, ties = "breslow"),
  list(name = "veteran-robust", data = "veteran", x = vet, ties = "efron", robust = TRUE),
  list(name = "veteran-strata", data = "veteran", x = c("trt", "karno", "age"), ties = "efron", strata = "celltype"),
  list(name = "lung-efron", data = "lung", x = c("age", "sex", "ph.ecog"), ties = "efron"),
  list(name = "lung-breslow", data = "lung", x = c("age", "sex", "ph.ecog"), ties = "breslow"),
  list(name = "heart-efron", data = "heart", x = c("age", "year", "surgery", "transplant"), ties = "efron"),
  list(name = "heart-breslow", data = "heart", x = c("age", "year", "surgery", "transplant"), ties = "breslow"),
  list(name = "heart-cluster", data = "heart", x = c("age", "year", "surgery", "transplant"), ties = "efron", cluster = "id"),
  list(name = "dcs-efron", data = "dcs", x = dcs, ties = "efron", strata = "region", cluster = "id"),
  list(name = "dcs-breslow", data = "dcs", x = dcs, ties = "breslow", strata = "region"),
  list(name = "dcs-nostrata", data = "dcs", x = dcs, ties = "efron"),
  list(name = "dcs-constant", data = "dcs", x = c(dcs, "england"), ties = "efron", strata = "region"),
  list(name = "dcs-constant-robust", data = "dcs", x = c("interim", "england", "age", "inadequate"), ties = "breslow", cluster = "id"),
  list(name = "separation", data = "separation", x = c("acting", "age"), ties = "efron"),
  list(name = "separation-right", data = "separationright", x = c("acting", "age"), ties = "efron"),
  list(name = "rare", data = "rare", x = c("acting", "age"), ties = "efron"),
  list(name = "rare-right", data = "rareright", x = c("acting", "age"), ties = "efron"),
  list(name = "rare-right-breslow", data = "rareright", x = c("acting", "age"), ties = "breslow", robust = TRUE),
  list(name = "heart-iter2", data = "heart", x = c("age", "year", "surgery", "transplant"), ties = "efron", iter.max = 2),
  list(name = "rare-iter2", data = "rare", x = c("acting", "age"), ties = "efron", iter.max = 2),
  list(name = "rare-iter3", data = "rare", x = c("acting", "age"), ties = "breslow", iter.max = 3),
  list(name = "lung-collinear", data = "lung", x = c("age", "agesex", "sex", "ph.ecog"), ties = "efron"),
  list(name = "heart-collinear", data = "heart", x = c("age", "year", "ageyear", "surgery", "transplant"), ties = "breslow"),
  list(name = "rare-iter1", data = "rare", x = c("acting", "age"), ties = "efron", iter.max = 1),
  list(name = "rare-iter4", data = "rare", x = c("acting", "age"), ties = "efron", iter.max = 4),
  list(name = "rare-iter5", data = "rare", x = c("acting", "age"), ties = "efron", iter.max = 5),
  list(name = "rare-right-iter1", data = "rareright", x = c("acting", "age"), ties = "efron", iter.max = 1),
  list(name = "rare-right-iter2", data = "rareright", x = c("acting", "age"), ties = "efron", iter.max = 2),
  list(name = "rare-right-iter3", data = "rareright", x = c("acting", "age"), ties = "efron", iter.max = 3),
  list(name = "rare-right-iter4", data = "rareright", x = c("acting", "age"), ties = "efron", iter.max = 4),
  list(name = "rare-right-iter5", data = "rareright", x = c("acting", "age"), ties = "efron", iter.max = 5),
  list(name = "rare-right-iter6", data = "rareright", x = c("acting", "age"), ties = "efron", iter.max = 6))

zph_transforms <- list("veteran-efron" = c("km", "identity", "rank", "log"), "heart-efron" = c("km", "identity", "rank", "log"),
                       "dcs-efron" = c("km", "identity", "rank", "log"), "dcs-breslow" = c("km", "rank"))

fit_rows <- list(); coef_rows <- list(); var_rows <- list(); zph_rows <- list()
for (f in fits) {
  d <- datasets[[f$data]]
  right <- all(d$start == 0)
  lhs <- if (right) "Surv(stop, event)" else "Surv(start, stop, event)"
  rhs <- paste(f$x, collapse = " + ")
  if (!is.null(f$strata)) rhs <- paste0(rhs, " + strata(", f$strata, ")")
  formula <- as.formula(paste(lhs, "~", rhs))
  robust <- !is.null(f$cluster) || isTRUE(f$robust)
  warnings <- character(0)
  control <- coxph.control(iter.max = if (is.null(f$iter.max)) 20 else f$iter.max)
  fit <- withCallingHandlers({
    if (!is.null(f$cluster)) coxph(formula, data = d, ties = f$ties, cluster = d[[f$cluster]], control = control)
    else if (isTRUE(f$robust)) coxph(formula, data = d, ties = f$ties, robust = TRUE, control = control)
    else coxph(formula, data = d, ties = f$ties, control = control)
  }, warning = function(w) {
    warnings <<- c(warnings, gsub(",", " ", trimws(conditionMessage(w))))
    invokeRestart("muffleWarning")
  })
  ranout <- any(startsWith(warnings, "Ran out of iterations"))
  if (right && ranout && control$iter.max > 1 && !robust) {
    # survival 3.5-3's coxfit6, out of iterations, recomputes the information at the best estimate and inverts it
    # without factoring it first, so its var is the inverse of nothing; write the inverse of the information at the
    # estimate instead (an iteration-free fit from it), which is what Upon.Core reports, and the Wald test from it.
    at <- coxph(formula, data = d, ties = f$ties, init = coef(fit), control = coxph.control(iter.max = 0))
    fit$var <- at$var
    fit$wald.test <- survival:::coxph.wtest(fit$var, coef(fit), control$toler.chol)$test
  }
  s <- summary(fit)
  df <- sum(!is.na(coef(fit)))
  test <- function(x) c(num(x), df, num(pchisq(x, df, lower.tail = FALSE)))
  rscore <- if (is.null(fit$rscore)) c("NA", "NA", "NA") else test(fit$rscore)
  cc <- fit$concordance
  fit_rows[[length(fit_rows) + 1]] <- data.frame(
    fit = f$name, dataset = f$data, covariates = paste(f$x, collapse = ";"), ties = f$ties,
    stratum = if (is.null(f$strata)) "" else f$strata, cluster = if (is.null(f$cluster)) "" else f$cluster,
    robust = robust, iter.max = control$iter.max, n = fit$n, nevent = fit$nevent, iter = fit$iter,
    loglik0 = num(fit$loglik[1]), loglik = num(fit$loglik[2]),
    lr = test(-2 * (fit$loglik[1] - fit$loglik[2]))[1], lr.df = df, lr.p = test(-2 * (fit$loglik[1] - fit$loglik[2]))[3],
    wald = num(fit$wald.test), wald.df = df, wald.p = num(pchisq(fit$wald.test, df, lower.tail = FALSE)),
    score = num(fit$score), score.df = df, score.p = num(pchisq(fit$score, df, lower.tail = FALSE)),
    rscore = rscore[1], rscore.df = rscore[2], rscore.p = rscore[3],
    concordant = num(cc["concordant"]), discordant = num(cc["discordant"]), tied.x = num(cc["tied.x"]),
    tied.y = num(cc["tied.y"]), tied.xy = num(cc["tied.xy"]), concordance = num(cc["concordance"]), concordance.se = num(cc["std"]),
    warnings = paste(warnings, collapse = ";"))

  for (level in if (f$name == "veteran-efron") c(0.95, 0.9) else 0.95) {
    s <- summary(fit, conf.int = level)
    co <- s$coefficients
    ci <- s$conf.int
    coef_rows[[length(coef_rows) + 1]] <- data.frame(
      fit = f$name, level = num(level), term = rownames(co), coef = num(co[, "coef"]), hr = num(co[, "exp(coef)"]),
      se = num(co[, "se(coef)"]), robust.se = if (robust) num(co[, "robust se"]) else "NA",
      z = num(co[, "z"]), p = num(co[, "Pr(>|z|)"]), lower = num(ci[, 3]), upper = num(ci[, 4]))
  }

  p <- length(f$x)
  naive <- if (is.null(fit$naive.var)) matrix(NA, p, p) else fit$naive.var
  var_rows[[length(var_rows) + 1]] <- data.frame(
    fit = f$name, row = rep(seq_len(p), p), column = rep(seq_len(p), each = p),
    var = num(as.vector(fit$var)), naive.var = num(as.vector(naive)))

  for (transform in zph_transforms[[f$name]]) {
    z <- cox.zph(fit, transform = transform)$table
    zph_rows[[length(zph_rows) + 1]] <- data.frame(
      fit = f$name, transform = transform, term = rownames(z), chisq = num(z[, "chisq"]), df = z[, "df"], p = num(z[, "p"]))
  }
  if (is.null(zph_transforms[[f$name]]) && !startsWith(f$name, "separation")) {
    z <- cox.zph(fit)$table
    zph_rows[[length(zph_rows) + 1]] <- data.frame(
      fit = f$name, transform = "km", term = rownames(z), chisq = num(z[, "chisq"]), df = z[, "df"], p = num(z[, "p"]))
  }
}
write.csv(do.call(rbind, fit_rows), "cox-fits.csv", row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, coef_rows), "cox-coefficients.csv", row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, var_rows), "cox-variance.csv", row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, zph_rows), "cox-zph.csv", row.names = FALSE, quote = FALSE)

writeLines(c(R.version.string, paste("survival", packageVersion("survival"))), "cox-versions.txt")

# Writes the golden files that tests/Upon.Core.Tests/Workforce/CumulativeIncidenceGoldenTests.cs compares
# with Upon.Core's Aalen-Johansen cumulative incidence (competing risks), to 1e-9.
#
# Run from this folder:  Rscript make-cif-golden.R
# Needs R and the survival package (Debian: r-base-core, r-cran-survival). The tests need neither.
#
# Every fit is survfit(Surv(exit, reason) ~ 1) with a factor status whose first level ("censor") is
# censoring, or survfit(Surv(entry, exit, reason) ~ 1, id = row) where some record enters late (survfit
# asks for an id with start-stop data; each record is its own subject). Standard errors are survfit's
# default for multi-state data: the infinitesimal jackknife (robust) variance, on the probability scale.
#
# Files written (CSV, header row, numbers as %.17g, NA and Inf as R prints them):
#   cif-data.csv      the input records: dataset, entry, exit, reason (the factor label; "censor" is censored), group
#   cif-curves.csv    survfit rows per dataset, conf.type and conf.int, one row per time and state ("(s0)", still
#                     in post, then the reasons in factor order, unused levels included)
#   cif-strata.csv    survfit(... ~ group) rows per dataset, stratum, time and state (conf.type log, 95%)
#   cif-times.csv     summary(fit, times = ...) rows (conf.type log, 95%): the estimate at chosen times
#   cif-versions.txt  the R and survival versions
suppressPackageStartupMessages(library(survival))

num <- function(x) ifelse(is.na(x), "NA", ifelse(is.infinite(x), ifelse(x > 0, "Inf", "-Inf"), sprintf("%.17g", x)))

dcs <- c("censor", "moved", "retired", "left", "interim-ended", "restructure", "unknown")

mg <- data.frame(
  entry = 0,
  exit = with(mgus2, ifelse(pstat == 0, futime, ptime)),
  reason = as.character(factor(with(mgus2, ifelse(pstat == 0, 2 * death, 1)), 0:2, labels = c("censor", "pcm", "death"))),
  group = as.character(mgus2$sex))

sets <- list(
  # R's mgus2: progression to a plasma cell malignancy (pcm) against death, by sex.
  mgus2 = list(levels = c("censor", "pcm", "death"), data = mg),
  # DCS-like tenures in months: an exit and a censoring at one time (6, 18, 24), two reasons at one time (12, 36),
  # a reason that never occurs (restructure), and the last two in post leaving together for two reasons (S falls to 0).
  ties = list(levels = dcs, data = data.frame(
    entry = 0,
    exit = c(3, 6, 6, 6, 12, 12, 12, 12, 18, 18, 24, 24, 30, 36, 36, 36, 48, 60, 60, 72, 72),
    reason = c("moved", "moved", "censor", "retired", "moved", "retired", "censor", "censor", "interim-ended", "censor",
               "left", "censor", "unknown", "retired", "moved", "censor", "left", "censor", "moved", "retired", "left"),
    group = c("a", "b", "a", "b", "a", "b", "a", "b", "a", "b", "a", "b", "a", "b", "a", "b", "a", "b", "a", "b", "a"))),
  # Delayed entry: entries at an event time (6), after exits, an exit and a censoring at 9, two reasons at 10.
  delayed = list(levels = dcs[1:4], data = data.frame(
    entry = c(0, 0, 2, 3, 1, 4, 6, 0, 5, 2.5, 6, 8, 9, 12, 7.5, 0.5),
    exit = c(5, 8, 6, 12, 3, 9, 10, 2, 11, 7.5, 14, 9, 13, 15, 10, 4),
    reason = c("moved", "censor", "retired", "moved", "left", "censor", "retired", "moved", "censor", "moved", "left",
               "moved", "retired", "censor", "left", "retired"),
    group = c("a", "b", "a", "b", "a", "b", "a", "b", "a", "b", "a", "b", "a", "b", "a", "b"))),
  # Delayed entry with a gap: everyone in post is censored by 3, and others enter from 4.
  gap = list(levels = dcs[1:3], data = data.frame(
    entry = c(0, 0, 0, 4, 5, 4, 4.5),
    exit = c(2, 3, 3, 6, 7, 9, 6),
    reason = c("moved", "censor", "censor", "retired", "moved", "censor", "moved"),
    group = "a")),
  # Delayed entry after the probability of being in post has fallen to 0 (at 3): nothing changes afterwards.
  emptied = list(levels = dcs[1:3], data = data.frame(
    entry = c(0, 0, 4, 5, 4),
    exit = c(2, 3, 6, 7, 8),
    reason = c("moved", "retired", "moved", "censor", "retired"),
    group = "a")),
  # Three strata, one with no exits at all (c).
  strata = list(levels = dcs[1:4], data = data.frame(
    entry = 0,
    exit = c(2, 4, 4, 5, 7, 9, 3, 3, 6, 8, 8, 10, 1, 5, 9, 12),
    reason = c("moved", "retired", "censor", "left", "moved", "censor", "retired", "moved", "censor", "left", "left",
               "moved", "censor", "censor", "censor", "censor"),
    group = c("a", "a", "a", "a", "a", "a", "b", "b", "b", "b", "b", "b", "c", "c", "c", "c"))),
  allcensored = list(levels = dcs[1:3], data = data.frame(entry = 0, exit = c(3, 7, 7, 10), reason = "censor", group = "a")),
  single = list(levels = c("censor", "retired"), data = data.frame(entry = 0, exit = 4.5, reason = "retired", group = "a"))
)

fit_of <- function(d, levels, rhs = "1") {
  d$status <- factor(d$reason, levels = levels)
  d$id <- seq_len(nrow(d))
  f <- if (any(d$entry > 0)) as.formula(paste("Surv(entry, exit, status) ~", rhs)) else as.formula(paste("Surv(exit, status) ~", rhs))
  function(...) {
    if (any(d$entry > 0)) survfit(f, data = d, id = id, ...) else survfit(f, data = d, ...)
  }
}

data_rows <- do.call(rbind, lapply(names(sets), function(name) {
  d <- sets[[name]]$data
  data.frame(dataset = name, entry = num(d$entry), exit = num(d$exit), reason = d$reason, group = d$group)
}))
write.csv(data_rows, "cif-data.csv", row.names = FALSE, quote = FALSE)

# One row per time and state of a multi-state survfit (or of the rows 'rows' of it).
long_rows <- function(fit, rows = seq_along(fit$time)) {
  states <- fit$states
  do.call(rbind, lapply(seq_along(states), function(j) {
    data.frame(time = num(fit$time[rows]), n.risk = fit$n.risk[rows, 1], n.censor = fit$n.censor[rows], state = states[j],
               n.event = fit$n.event[rows, j], pstate = num(fit$pstate[rows, j]), std.err = num(fit$std.err[rows, j]),
               lower = num(fit$lower[rows, j]), upper = num(fit$upper[rows, j]), order = rows)
  }))
}
by_time <- function(rows) rows[order(rows$order, match(rows$state, unique(rows$state))), names(rows) != "order"]

fits <- list(list(type = "log", level = 0.95), list(type = "plain", level = 0.95),
             list(type = "log-log", level = 0.95), list(type = "log", level = 0.9),
             list(type = "plain", level = 0.8), list(type = "log-log", level = 0.99))

curve_rows <- list()
for (name in names(sets)) {
  s <- sets[[name]]
  fit <- fit_of(s$data, s$levels)
  for (f in fits) {
    rows <- by_time(long_rows(fit(conf.type = f$type, conf.int = f$level)))
    curve_rows[[length(curve_rows) + 1]] <- data.frame(dataset = name, conf.type = f$type, conf.int = num(f$level), rows)
  }
}
write.csv(do.call(rbind, curve_rows), "cif-curves.csv", row.names = FALSE, quote = FALSE)

strata_rows <- list()
for (name in c("mgus2", "ties", "delayed", "strata")) {
  s <- sets[[name]]
  fit <- fit_of(s$data, s$levels, "group")()
  names <- sub("^group=", "", names(fit$strata))
  ends <- cumsum(fit$strata)
  for (k in seq_along(names)) {
    rows <- by_time(long_rows(fit, (ends[k] - fit$strata[k] + 1):ends[k]))
    strata_rows[[length(strata_rows) + 1]] <- data.frame(dataset = name, stratum = names[k], rows)
  }
}
write.csv(do.call(rbind, strata_rows), "cif-strata.csv", row.names = FALSE, quote = FALSE)

# Times from the first time of each curve on, one of them after its last time (summary leaves it out).
times <- list(mgus2 = c(1, 12, 60, 61.5, 120, 240, 424, 500), ties = c(3, 10, 12, 36, 71, 72, 80),
              delayed = c(2, 5, 9.5, 15, 16), gap = c(2, 3.5, 6, 9, 10), emptied = c(2, 5, 8),
              strata = c(1, 4, 11.5, 12), single = c(4.5, 5))
time_rows <- list()
for (name in names(times)) {
  s <- sets[[name]]
  sm <- summary(fit_of(s$data, s$levels)(), times = times[[name]])
  for (j in seq_along(sm$states)) {
    time_rows[[length(time_rows) + 1]] <- data.frame(
      dataset = name, time = num(sm$time), state = sm$states[j], pstate = num(sm$pstate[, j]),
      std.err = num(sm$std.err[, j]), lower = num(sm$lower[, j]), upper = num(sm$upper[, j]), order = seq_along(sm$time))
  }
}
time_rows <- do.call(rbind, time_rows)
time_rows <- time_rows[order(match(time_rows$dataset, names(times)), time_rows$order), names(time_rows) != "order"]
write.csv(time_rows, "cif-times.csv", row.names = FALSE, quote = FALSE)

writeLines(c(R.version.string, paste("survival", packageVersion("survival"))), "cif-versions.txt")

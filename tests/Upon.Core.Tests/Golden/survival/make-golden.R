# Writes the golden files that tests/Upon.Core.Tests/Workforce/KaplanMeierGoldenTests.cs compares
# with Upon.Core's Kaplan-Meier, Nelson-Aalen and log-rank results (to 1e-9).
#
# Run from this folder:  Rscript make-golden.R
# Needs R and the survival package (Debian: r-base-core, r-cran-survival). The tests need neither.
#
# Files written (CSV, header row, numbers as %.17g, NA and Inf as R prints them):
#   data.csv      the input records: dataset, entry, exit, event (0/1), group
#   curves.csv    survfit rows per dataset, conf.type and conf.int
#   summary.csv   median with its limits (print(fit)'s table) and the restricted mean to a horizon
#   times.csv     summary(fit, times = ...) rows, with n.event and n.censor since the time before (std.err there is
#                 the standard error of S, not of log S)
#   logrank.csv   survdiff per dataset and group (two groups, three groups and the four of lung)
#   strata.csv    survfit(Surv(exit, event) ~ group) rows per dataset and stratum (conf.type log, 95%)
suppressPackageStartupMessages(library(survival))

num <- function(x) ifelse(is.na(x), "NA", ifelse(is.infinite(x), ifelse(x > 0, "Inf", "-Inf"), sprintf("%.17g", x)))

lung2 <- lung[!is.na(lung$ph.ecog), ]
sets <- list(
  aml = data.frame(entry = 0, exit = aml$time, event = aml$status, group = as.character(aml$x)),
  ovarian = data.frame(entry = 0, exit = ovarian$futime, event = ovarian$fustat, group = as.character(ovarian$rx)),
  lung = data.frame(entry = 0, exit = lung2$time, event = as.integer(lung2$status == 2), group = as.character(lung2$ph.ecog)),
  ties = data.frame(entry = 0, exit = c(2, 2, 2, 3, 3, 5, 5, 5, 5, 8, 8, 9, 12, 12),
                    event = c(1, 1, 0, 1, 0, 1, 1, 0, 0, 1, 1, 0, 1, 0),
                    group = c("a", "b", "a", "b", "a", "b", "a", "b", "a", "b", "a", "b", "a", "b")),
  allcensored = data.frame(entry = 0, exit = c(3, 7, 7, 10), event = 0, group = c("a", "a", "b", "b")),
  nocensoring = data.frame(entry = 0, exit = c(1, 2, 3, 4), event = 1, group = c("a", "b", "a", "b")),
  halfway = data.frame(entry = 0, exit = c(1, 2, 2, 3, 5, 6), event = c(1, 1, 0, 1, 0, 1), group = "a"),
  delayed = data.frame(entry = c(0, 0, 2, 3, 1, 4, 6, 0, 5, 2.5),
                       exit = c(5, 8, 6, 12, 3, 9, 10, 2, 11, 7.5),
                       event = c(1, 0, 1, 1, 1, 0, 1, 1, 0, 1), group = "a"),
  single = data.frame(entry = 0, exit = 4.5, event = 1, group = "a"),
  three = data.frame(entry = 0, exit = c(3, 3, 4, 5, 5, 5, 7, 8, 8, 10, 11, 12, 12, 14, 15, 6, 9, 9),
                     event = c(1, 1, 0, 1, 1, 0, 1, 1, 1, 0, 1, 1, 0, 1, 0, 1, 1, 0),
                     group = c("a", "b", "c", "a", "b", "c", "a", "b", "c", "a", "b", "c", "a", "b", "c", "c", "c", "a"))
)

data_rows <- do.call(rbind, lapply(names(sets), function(name) {
  d <- sets[[name]]
  data.frame(dataset = name, entry = num(d$entry), exit = num(d$exit), event = d$event, group = d$group)
}))
write.csv(data_rows, "data.csv", row.names = FALSE, quote = FALSE)

horizons <- c(aml = 40, ovarian = 800, lung = 365, ties = 10, allcensored = 8, nocensoring = 3.5,
              halfway = 4, delayed = 9.5, single = 6, three = 12)
times <- list(aml = c(0, 5, 12, 24, 36), ovarian = c(100, 365, 730), lung = c(30, 180, 365, 730),
              ties = c(1, 2, 4, 8.5, 12), allcensored = c(2, 7), nocensoring = c(0.5, 2, 4),
              halfway = c(0.5, 3, 5.5), delayed = c(1, 4, 8, 11.5), single = c(1, 4.5),
              three = c(2, 5, 9, 14))
fits <- list(list(type = "log", level = 0.95), list(type = "plain", level = 0.95),
             list(type = "log-log", level = 0.95), list(type = "log", level = 0.9),
             list(type = "plain", level = 0.8), list(type = "log-log", level = 0.99))

curve_rows <- list(); summary_rows <- list(); time_rows <- list()
for (name in names(sets)) {
  d <- sets[[name]]
  surv <- if (any(d$entry > 0)) Surv(d$entry, d$exit, d$event) else Surv(d$exit, d$event)
  for (f in fits) {
    fit <- survfit(surv ~ 1, conf.type = f$type, conf.int = f$level)
    curve_rows[[length(curve_rows) + 1]] <- data.frame(
      dataset = name, conf.type = f$type, conf.int = num(f$level), time = num(fit$time),
      n.risk = fit$n.risk, n.event = fit$n.event, n.censor = fit$n.censor, surv = num(fit$surv),
      std.err = num(fit$std.err), lower = num(fit$lower), upper = num(fit$upper),
      cumhaz = num(fit$cumhaz), std.chaz = num(fit$std.chaz))
    table <- summary(fit, rmean = horizons[[name]])$table
    summary_rows[[length(summary_rows) + 1]] <- data.frame(
      dataset = name, conf.type = f$type, conf.int = num(f$level), records = table[["records"]],
      events = table[["events"]], median = num(table[["median"]]),
      lcl = num(table[[paste0(f$level, "LCL")]]), ucl = num(table[[paste0(f$level, "UCL")]]),
      horizon = num(horizons[[name]]), rmean = num(table[["rmean"]]), se.rmean = num(table[["se(rmean)"]]))
    s <- summary(fit, times = times[[name]])
    time_rows[[length(time_rows) + 1]] <- data.frame(
      dataset = name, conf.type = f$type, conf.int = num(f$level), time = num(s$time),
      n.risk = s$n.risk, n.event = s$n.event, n.censor = s$n.censor, surv = num(s$surv), std.err = num(s$std.err),
      lower = num(s$lower), upper = num(s$upper))
  }
}
write.csv(do.call(rbind, curve_rows), "curves.csv", row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, summary_rows), "summary.csv", row.names = FALSE, quote = FALSE)
write.csv(do.call(rbind, time_rows), "times.csv", row.names = FALSE, quote = FALSE)

logrank_rows <- list()
for (name in c("aml", "ovarian", "lung", "ties", "nocensoring", "three")) {
  d <- sets[[name]]
  test <- survdiff(Surv(exit, event) ~ group, data = d)
  df <- sum(test$exp > 0) - 1
  groups <- sub("^group=", "", names(test$n))
  logrank_rows[[length(logrank_rows) + 1]] <- data.frame(
    dataset = name, group = groups, n = as.vector(test$n), observed = num(test$obs), expected = num(test$exp),
    chisq = num(test$chisq), df = df, p = num(pchisq(test$chisq, df, lower.tail = FALSE)))
}
write.csv(do.call(rbind, logrank_rows), "logrank.csv", row.names = FALSE, quote = FALSE)

strata_rows <- list()
for (name in c("aml", "ovarian", "lung", "ties", "three")) {
  d <- sets[[name]]
  fit <- survfit(Surv(exit, event) ~ group, data = d)
  strata <- rep(sub("^group=", "", names(fit$strata)), fit$strata)
  strata_rows[[length(strata_rows) + 1]] <- data.frame(
    dataset = name, stratum = strata, time = num(fit$time), n.risk = fit$n.risk, n.event = fit$n.event,
    n.censor = fit$n.censor, surv = num(fit$surv), std.err = num(fit$std.err), lower = num(fit$lower),
    upper = num(fit$upper))
}
write.csv(do.call(rbind, strata_rows), "strata.csv", row.names = FALSE, quote = FALSE)

writeLines(c(R.version.string, paste("survival", packageVersion("survival"))), "versions.txt")

# Times R's coxph on the records of benchmarks/Upon.Core.Benchmarks/CoxBenchmarks.cs, for comparison with Upon.Core.
#
# Run from the repository root:  Rscript benchmarks/cox/time-coxph.R
# Needs R and the survival package. It builds the same 100,000 counting-process records as CoxBenchmarks.Build, with the same
# minimal standard generator (x <- 48271 x mod 2^31 - 1, from 20250611), prints a checksum and the coefficients (compare them
# with Upon.Core's), then fits each model five times and prints the elapsed seconds of each fit and their median.
suppressPackageStartupMessages(library(survival))

build <- function(count) {
  state <- 20250611
  draw <- function() { state <<- (state * 48271) %% 2147483647; state / 2147483647 }
  start <- stop <- interim <- age <- inadequate <- event <- id <- numeric(count)
  n <- 0; person <- 0
  add <- function(a, b, e, x1, x2, x3, who) {
    n <<- n + 1
    start[n] <<- a; stop[n] <<- b; event[n] <<- e; interim[n] <<- x1; age[n] <<- x2; inadequate[n] <<- x3; id[n] <<- who
  }
  while (n < count) {
    person <- person + 1
    x1 <- if (draw() < 0.25) 1 else 0
    x2 <- 40 + floor(25 * draw())
    a <- floor(5000 * draw()); b <- floor(5000 * draw())
    tenure <- 1 + min(a, b)
    entry <- if (draw() < 0.1) floor(tenure * draw()) else 0
    e <- if (draw() >= 0.25) 1 else 0
    judged <- if (draw() < 0.5) floor(entry + (tenure - entry) * draw()) else entry
    if (judged > entry && n + 2 <= count) {
      add(entry, judged, 0, x1, x2, 0, person)
      add(judged, tenure, e, x1, x2, 1, person)
    } else {
      add(entry, tenure, e, x1, x2, 0, person)
    }
  }
  data.frame(start, stop, event, interim, age, inadequate, id)
}

d <- build(100000)
cat(sprintf("records %d, events %d, DCSs %d, delayed %d, sum of stop times %.0f\n",
            nrow(d), sum(d$event), length(unique(d$id)), sum(d$start > 0 & d$inadequate == 0), sum(d$stop)))

time <- function(label, f) {
  seconds <- sapply(1:5, function(i) system.time(f())[["elapsed"]])
  cat(sprintf("%-28s %s  median %.3f s\n", label, paste(sprintf("%.3f", seconds), collapse = " "), median(seconds)))
}
fit <- coxph(Surv(start, stop, event) ~ interim + age + inadequate, data = d)
print(coef(fit), digits = 15)
print(fit$concordance, digits = 15)
time("coxph efron", function() coxph(Surv(start, stop, event) ~ interim + age + inadequate, data = d))
time("coxph breslow", function() coxph(Surv(start, stop, event) ~ interim + age + inadequate, data = d, ties = "breslow"))
time("coxph efron, cluster = id", function() coxph(Surv(start, stop, event) ~ interim + age + inadequate, data = d, cluster = id))
time("cox.zph (km)", function() cox.zph(fit))

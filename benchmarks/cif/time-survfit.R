# Times R's survfit (Aalen-Johansen, competing risks) on the records of
# benchmarks/Upon.Core.Benchmarks/CumulativeIncidenceBenchmarks.cs, for comparison with Upon.Core.
#
# Run from the repository root:  Rscript benchmarks/cif/time-survfit.R
# Needs R and the survival package. It builds the same 1,000,000 records as CumulativeIncidenceBenchmarks.BuildRecords,
# with the same minimal standard generator (x <- 48271 x mod 2^31 - 1, from 20240401; regions from 20240402), prints a
# checksum and the cumulative incidence of each reason at three times (compare them with Upon.Core's), timing the
# fit, then times one fit by region (a fit takes R minutes, so one is enough to compare with Upon.Core's milliseconds). Making the records takes R a while
# (a loop of about 4.4 million draws); only the fits are timed.
suppressPackageStartupMessages(library(survival))

reasons <- c("moved", "retired", "left", "interim-ended", "unknown")

build <- function(count) {
  state <- 20240401
  draw <- function() { state <<- (state * 48271) %% 2147483647; state / 2147483647 }
  entry <- exit <- numeric(count)
  reason <- character(count)
  for (i in seq_len(count)) {
    roll <- draw()
    r <- if (roll < 0.35) 1 else if (roll < 0.60) 2 else if (roll < 0.80) 3 else if (roll < 0.92) 4 else 5
    longest <- if (r == 4) 729 else 5478
    a <- floor(longest * draw()); b <- floor(longest * draw())
    e <- 1 + min(a, b)
    entry[i] <- if (draw() < 0.1) floor(e * draw()) else 0
    exit[i] <- e
    reason[i] <- if (draw() < 0.25) "censor" else reasons[r]
  }
  state <- 20240402
  region <- numeric(count)
  for (i in seq_len(count)) region[i] <- floor(9 * draw())
  data.frame(entry, exit, reason = factor(reason, levels = c("censor", reasons)), region, row = seq_len(count))
}

d <- build(1000000)
cat(sprintf("records %d, censored %d, delayed %d, sum of exits %.0f, sum of entries %.0f, sum of regions %.0f\n",
            nrow(d), sum(d$reason == "censor"), sum(d$entry > 0), sum(d$exit), sum(d$entry), sum(d$region)))

elapsed <- system.time(fit <- survfit(Surv(entry, exit, reason) ~ 1, data = d, id = row))[["elapsed"]]
s <- summary(fit, times = c(365, 1826, 5000))
p <- s$pstate
colnames(p) <- fit$states
print(data.frame(time = s$time, p, check.names = FALSE), digits = 15)
cat(sprintf("distinct times %d\n", length(fit$time)))

time <- function(label, f) cat(sprintf("%-34s %.1f s\n", label, system.time(f())[["elapsed"]]))
cat(sprintf("%-34s %.1f s\n", "survfit, 5 reasons", elapsed))
time("survfit, 5 reasons, by region", function() survfit(Surv(entry, exit, reason) ~ region, data = d, id = row))

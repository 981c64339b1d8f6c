# Reference values computed with R for tests of dev.parity.reports.stats that the shared
# stats-vectors.json does not cover. Run from this folder (Debian: r-base-core, r-cran-jsonlite):
#     Rscript make-r-references.R
# It writes time-horizon.json, minimum-detectable-difference.json and bradley-terry-glm.json.
# The tests read those files; they never run R.
library(jsonlite)
write <- function(x, file) writeLines(toJSON(x, auto_unbox = TRUE, digits = NA, pretty = TRUE), file)
generated <- paste(R.version.string, "with jsonlite", packageVersion("jsonlite"), "; make-r-references.R")
tight <- glm.control(epsilon = 1e-14, maxit = 100)

# --- Time horizon: glm(cbind(wins or ties, losses) ~ log2(minutes), binomial) --------------------
set.seed(20261127)
tasks <- 60
minutes <- round(2^runif(tasks, 1, 11))              # 2 to 2048 minutes
judgments <- sample(1:5, tasks, replace = TRUE)
p <- plogis(1.5 - 0.6 * (log2(minutes) - 5))          # fades on longer tasks
wins_or_ties <- rbinom(tasks, judgments, p)
fit <- glm(cbind(wins_or_ties, judgments - wins_or_ties) ~ log2(minutes), binomial, control = tight)
a <- unname(coef(fit)[1]); b <- unname(coef(fit)[2])

# Task bootstrap: resample tasks, refit; resamples that separate (no finite fit) are left out.
separated <- function(x, s, n) {
  if (length(unique(x)) < 2) return(TRUE)
  succ <- x[s > 0]; fail <- x[s < n]
  length(succ) == 0 || length(fail) == 0 || max(succ) <= min(fail) || max(fail) <= min(succ)
}
horizon_interval <- function(seed, B = 10000) {
  set.seed(seed)
  x <- log2(minutes); X <- cbind(1, x)
  h <- numeric(0)
  for (r in seq_len(B)) {
    i <- sample.int(tasks, tasks, replace = TRUE)
    if (separated(x[i], wins_or_ties[i], judgments[i])) next
    f <- glm.fit(X[i, ], cbind(wins_or_ties[i], judgments[i] - wins_or_ties[i]),
                 family = binomial(), control = tight)
    h <- c(h, -f$coefficients[1] / f$coefficients[2])
  }
  2^quantile(h, c(0.025, 0.975), type = 7, names = FALSE)
}
runs <- sapply(1:10, horizon_interval)
write(list(
  generated_with = generated,
  description = paste("60 tasks of 2-2048 minutes, 1-5 judgments each, drawn with seed 20261127;",
                      "glm with epsilon 1e-14; bootstrap: 10 runs of B = 10,000 task resamples,",
                      "percentiles (type 7) of log2 horizons; tolerance 5 sd of the runs"),
  minutes = minutes, judgments = judgments, wins_or_ties = wins_or_ties,
  expected = list(intercept = a, slope = b, horizon_minutes = 2^(-a / b),
                  bootstrap_low_minutes = mean(runs[1, ]), bootstrap_high_minutes = mean(runs[2, ])),
  tolerance = list(coefficients = list(rel = 1e-8),
                   bootstrap_low_minutes = list(abs = 5 * sd(runs[1, ])),
                   bootstrap_high_minutes = list(abs = 5 * sd(runs[2, ])))
), "time-horizon.json")

# --- Minimum detectable difference: exact power of binom.test against 1/2 -------------------------
mdd <- function(n, alpha = 0.05, power = 0.8) {
  region <- (0:n)[sapply(0:n, function(k) binom.test(k, n, 0.5)$p.value) <= alpha]
  if (length(region) == 0) return(NA)
  pw <- function(d) sum(dbinom(region, n, 0.5 + d)) - power
  uniroot(pw, c(1e-12, 0.5), tol = 1e-13)$root
}
ns <- c(5, 6, 10, 20, 28, 29, 30, 50, 100, 400, 1320)
exact_power <- function(n, p, alpha = 0.05) {
  region <- (0:n)[sapply(0:n, function(k) binom.test(k, n, 0.5)$p.value) <= alpha]
  sum(dbinom(region, n, p))
}
write(list(
  generated_with = generated,
  description = paste("Smallest d with power >= 0.8 of the two-sided binom.test against 0.5 at",
                      "alpha 0.05 when the true rate is 0.5 + d (uniroot, tol 1e-13); NA when no",
                      "outcome rejects"),
  cases = lapply(ns, function(n) list(n = n, difference = mdd(n))),
  power = lapply(list(c(30, 0.75), c(100, 0.6), c(1320, 0.54), c(7, 0.9)), function(np)
    list(n = np[1], p = np[2], power = exact_power(np[1], np[2]))),
  tolerance = list(abs = 1e-9)
), "minimum-detectable-difference.json")

# --- Bradley-Terry: 10 players, ties as half wins, anchor "human" = 1000 ----------------------------
set.seed(42)
players <- c("human", paste0("model-", 1:9))
strength <- c(0, rnorm(9, 0, 0.8))
pairs <- list()
for (i in 1:9) for (j in (i + 1):10) {
  if (runif(1) < 0.6 || i == 1) {                      # an incomplete but connected design
    n <- sample(5:30, 1)
    p <- plogis(strength[i] - strength[j])
    ties <- rbinom(1, n, 0.2)
    wins <- rbinom(1, n - ties, p)
    pairs[[length(pairs) + 1]] <- list(players[i], players[j], wins, ties, n - ties - wins)
  }
}
X <- t(sapply(pairs, function(q) { r <- setNames(numeric(10), players); r[q[[1]]] <- 1; r[q[[2]]] <- -1; r }))
won <- sapply(pairs, function(q) q[[3]] + q[[4]] / 2)
lost <- sapply(pairs, function(q) q[[5]] + q[[4]] / 2)
fit <- suppressWarnings(glm(cbind(won, lost) ~ X[, -1] - 1, binomial, control = tight))
beta <- c(0, unname(coef(fit)))
write(list(
  generated_with = generated,
  description = paste("Random incomplete design of 10 players (seed 42); ties as half wins:",
                      "glm(cbind(wins + ties/2, losses + ties/2) ~ X - 1, binomial), anchor column",
                      "dropped; Elo = 1000 + 400/log(10) * beta"),
  pair_format = "[player, opponent, wins of player, ties, wins of opponent]",
  pairs = pairs,
  expected = as.list(setNames(1000 + 400 / log(10) * beta, players)),
  tolerance = list(abs = 1e-6)
), "bradley-terry-glm.json")

/** The GDPval importer: the published dataset (JSON or JSONL, either revision's schema) into a Parity suite, with the occupations' O*NET-SOC codes and optional download of the dataset's files. */
package dev.parity.tasks.gdpval;

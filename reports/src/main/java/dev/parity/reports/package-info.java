/** Statistics over judgments, and the reports that present them. */
package dev.parity.reports;

/** Google's Gemini API ({@code generateContent}), registered as the provider {@code gemini}. */
package dev.parity.harness.gemini;

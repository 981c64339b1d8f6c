/**
 * The {@code command} provider: any program, in any language, takes part as a model. It runs once
 * per request in a fresh working folder holding {@code request.json} and the reference files; what
 * it prints is the answer and the files it leaves in {@code out/} are the deliverable. The folder
 * layout and {@code request.json} are documented in {@code docs/models.md}.
 */
package dev.parity.harness.command;

/** The grading web app (Javalin): sign-in, grader and admin pages, blinded file views and their guards. */
package dev.parity.graders.web;

/** Page images of campaign files for graders: the render cache in the store and the background queue that fills it. */
package dev.parity.graders.pages;

package com.cityops.api;

/**
 * The page a paged panel of a wall shows (counting up; the panel wraps it round its pages).
 *
 * @param panel {@code ticker} for the wall's tickers, which turn together
 */
public record WallPage(String panel, int page) {}

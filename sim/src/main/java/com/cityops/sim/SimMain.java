package com.cityops.sim; public final class SimMain { public static void main(String[] a){} }

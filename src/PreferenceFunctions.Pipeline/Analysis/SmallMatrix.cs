namespace PreferenceFunctions.Pipeline.Analysis;

/// <summary>Dense matrix arithmetic for the few-models-by-few-models information matrices of a fit.</summary>
internal static class SmallMatrix
{
    /// <summary>Gauss–Jordan with partial pivoting (the matrix is symmetric positive definite and small: one row per model).</summary>
    public static double[,] Invert(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        var work = (double[,])matrix.Clone();
        var inverse = new double[n, n];
        for (var i = 0; i < n; i++) inverse[i, i] = 1;
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < n; row++)
                if (Math.Abs(work[row, col]) > Math.Abs(work[pivot, col])) pivot = row;
            for (var j = 0; j < n; j++)
            {
                (work[col, j], work[pivot, j]) = (work[pivot, j], work[col, j]);
                (inverse[col, j], inverse[pivot, j]) = (inverse[pivot, j], inverse[col, j]);
            }
            var scale = work[col, col];
            for (var j = 0; j < n; j++) { work[col, j] /= scale; inverse[col, j] /= scale; }
            for (var row = 0; row < n; row++)
            {
                if (row == col || work[row, col] == 0) continue;
                var factor = work[row, col];
                for (var j = 0; j < n; j++) { work[row, j] -= factor * work[col, j]; inverse[row, j] -= factor * inverse[col, j]; }
            }
        }
        return inverse;
    }
}
